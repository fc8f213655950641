package io.evalify.fakes.common;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** How long a fake waits before answering; each call draws a fresh delay. */
@FunctionalInterface
public interface LatencyModel {

    /** z-score of the 99th percentile of a standard normal distribution. */
    double Z_99 = 2.3263;

    /** Draws the next delay in milliseconds (never negative). */
    long nextMillis();

    /** Sleeps for the next delay on the calling (virtual) thread. */
    default void pause() throws InterruptedException {
        long millis = nextMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    /** No delay. */
    static LatencyModel none() {
        return () -> 0;
    }

    /** Always {@code millis}. */
    static LatencyModel fixed(long millis) {
        return () -> millis;
    }

    /** Always {@code delay}. */
    static LatencyModel fixed(Duration delay) {
        return fixed(delay.toMillis());
    }

    /** Uniform in {@code [minMillis, maxMillis]}. */
    static LatencyModel uniform(long minMillis, long maxMillis) {
        if (maxMillis < minMillis) {
            throw new IllegalArgumentException("max < min: " + maxMillis + " < " + minMillis);
        }
        return () -> ThreadLocalRandom.current().nextLong(minMillis, maxMillis + 1);
    }

    /**
     * Log-normal with the given median and 99th percentile, the usual shape of LLM response times
     * (most calls near the median, a long tail).
     */
    static LatencyModel logNormal(long medianMillis, long p99Millis) {
        if (medianMillis <= 0 || p99Millis < medianMillis) {
            throw new IllegalArgumentException("need 0 < median <= p99");
        }
        double mu = Math.log(medianMillis);
        double sigma = Math.log((double) p99Millis / medianMillis) / Z_99;
        return () ->
                Math.round(Math.exp(mu + sigma * ThreadLocalRandom.current().nextGaussian()));
    }

    /**
     * Parses {@code fixed:MS}, {@code uniform:MIN:MAX}, {@code lognormal:MEDIAN:P99}, {@code none}, or a
     * bare number of milliseconds.
     */
    static LatencyModel parse(String spec) {
        String[] parts = spec.trim().toLowerCase(Locale.ROOT).split(":");
        return switch (parts[0]) {
            case "none" -> none();
            case "fixed" -> fixed(arg(parts, 1, spec));
            case "uniform" -> uniform(arg(parts, 1, spec), arg(parts, 2, spec));
            case "lognormal" -> logNormal(arg(parts, 1, spec), arg(parts, 2, spec));
            default -> fixed(arg(parts, 0, spec));
        };
    }

    private static long arg(String[] parts, int index, String spec) {
        if (index >= parts.length) {
            throw new IllegalArgumentException("bad latency spec '" + spec + "'");
        }
        try {
            return Long.parseLong(parts[index]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad latency spec '" + spec + "'", e);
        }
    }
}
