package io.evalify.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The one rounding rule for marks: 2 decimals, half away from zero (so -0.015 becomes -0.02). */
public final class Marks {

    private Marks() {}

    /** Rounds marks to 2 decimals; non-finite values become 0. */
    public static double round(double value) {
        return roundTo(value, 2);
    }

    /** Rounds seconds to milliseconds for {@code metrics.time_taken}. */
    public static double seconds(double value) {
        return roundTo(value, 3);
    }

    /** Rounds to the nearest multiple of {@code step} (e.g. 0.25), then to 2 decimals. */
    public static double toStep(double value, double step) {
        return step <= 0 ? round(value) : round(Math.round(value / step) * step);
    }

    /** Keeps a value inside {@code [min, max]}. */
    public static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private static double roundTo(double value, int scale) {
        if (!Double.isFinite(value)) {
            return 0;
        }
        double rounded =
                BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).doubleValue();
        return rounded == 0 ? 0 : rounded; // no "-0.0" in saved results
    }
}
