package io.evalify.bench;

import java.util.Arrays;

/**
 * Latency percentiles from every sample (a sorted copy; fine for the tens of thousands of samples a
 * scenario records), nearest-rank definition: p99 is the smallest sample not exceeded by 99 % of them.
 */
public final class Percentiles {

    private final long[] sortedNanos;

    private Percentiles(long[] sortedNanos) {
        this.sortedNanos = sortedNanos;
    }

    /** Percentiles of {@code nanos} (copied). */
    public static Percentiles of(long[] nanos) {
        long[] copy = nanos.clone();
        Arrays.sort(copy);
        return new Percentiles(copy);
    }

    /** Number of samples. */
    public int count() {
        return sortedNanos.length;
    }

    /** The {@code percent} percentile (0 < percent <= 100) in milliseconds; 0 without samples. */
    public double millis(double percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be in (0, 100]: " + percent);
        }
        if (sortedNanos.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100 * sortedNanos.length);
        return sortedNanos[Math.max(rank, 1) - 1] / 1e6;
    }

    /** The largest sample in milliseconds. */
    public double maxMillis() {
        return millis(100);
    }
}
