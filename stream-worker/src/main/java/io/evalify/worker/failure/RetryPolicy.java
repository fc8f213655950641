package io.evalify.worker.failure;

import io.evalify.worker.config.WorkerProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Decides, in one place, whether a failed attempt is retried and when. */
final class RetryPolicy {

    private final List<Duration> intervals;
    private final double jitter;

    /** A policy with the configured intervals and jitter. */
    RetryPolicy(WorkerProperties.Retry retry) {
        this.intervals = List.copyOf(retry.intervals());
        this.jitter = retry.jitter();
    }

    /** Attempts a task gets in all: the first plus one per interval. */
    public int maxAttempts() {
        return intervals.size() + 1;
    }

    /**
     * When to retry after attempt number {@code attempt} failed, or null to dead-letter now.
     * A remote's {@code Retry-After} wins when it asks for a longer wait.
     */
    public Instant retryAt(int attempt, FailureClassifier.Failure failure, Instant now) {
        if (failure.kind() != FailureClassifier.Failure.Kind.RETRYABLE || attempt >= maxAttempts()) {
            return null;
        }
        var delay = withJitter(intervals.get(attempt - 1));
        if (failure.retryAfter() != null && failure.retryAfter().compareTo(delay) > 0) {
            delay = failure.retryAfter();
        }
        return now.plus(delay);
    }

    private Duration withJitter(Duration base) {
        double factor = 1 + ThreadLocalRandom.current().nextDouble(-jitter, jitter + Double.MIN_VALUE);
        return Duration.ofMillis(Math.round(base.toMillis() * factor));
    }
}
