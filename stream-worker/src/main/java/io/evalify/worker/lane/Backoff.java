package io.evalify.worker.lane;

import io.evalify.worker.config.WorkerProperties.LaneRecovery;
import java.time.Duration;

/** Exponential back-off between tries, from the initial wait doubling up to the maximum. Not thread-safe. */
final class Backoff {

    private final Duration max;
    private Duration next;

    Backoff(LaneRecovery recovery) {
        this.max = recovery.maxBackoff();
        this.next = recovery.initialBackoff();
    }

    /** The wait before the next try; each call doubles the one after it, up to the maximum. */
    Duration next() {
        var current = next;
        next = min(next.multipliedBy(2), max);
        return min(current, max);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
