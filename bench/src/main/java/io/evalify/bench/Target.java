package io.evalify.bench;

import java.util.Locale;

/**
 * What a measured value must reach: at most or at least a bound.
 *
 * @param atMost true for "value <= bound", false for "value >= bound"
 * @param bound the bound, in the metric's unit
 */
public record Target(boolean atMost, double bound) {

    /** value <= bound. */
    public static Target atMost(double bound) {
        return new Target(true, bound);
    }

    /** value >= bound. */
    public static Target atLeast(double bound) {
        return new Target(false, bound);
    }

    /** Whether {@code value} meets the target. */
    public boolean isMetBy(double value) {
        return atMost ? value <= bound : value >= bound;
    }

    /** E.g. {@code <= 24.4 s}. */
    public String render(String unit) {
        return (atMost ? "<= " : ">= ") + Metric.format(bound) + (unit.isEmpty() ? "" : " " + unit);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %s", atMost ? "<=" : ">=", bound);
    }
}
