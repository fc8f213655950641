package io.evalify.bench;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * One measured number of a scenario, with its target when it has one.
 *
 * @param name what was measured, e.g. {@code POST to COMPLETED}
 * @param value the measured value
 * @param unit its unit, e.g. {@code s}, {@code ms}, {@code students/s}
 * @param target what it must reach, or null for a number only reported
 */
public record Metric(String name, double value, String unit, Target target) {

    /** A metric without a target. */
    public static Metric info(String name, double value, String unit) {
        return new Metric(name, value, unit, null);
    }

    /** PASS, FAIL, or "-" without a target. */
    public String verdict() {
        if (target == null) {
            return "-";
        }
        return target.isMetBy(value) ? "PASS" : "FAIL";
    }

    /** Whether the metric has a target and misses it. */
    public boolean fails() {
        return target != null && !target.isMetBy(value);
    }

    /** The value with its unit, e.g. {@code 21.3 s}. */
    public String renderValue() {
        return format(value) + (unit.isEmpty() ? "" : " " + unit);
    }

    /** Three significant digits at most, thousands grouped: 0.873, 21.3, 1,523. */
    static String format(double number) {
        double abs = Math.abs(number);
        String pattern = abs >= 100 || abs == Math.rint(abs) ? "#,##0" : abs >= 10 ? "#,##0.0" : "#,##0.0##";
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(number);
    }
}
