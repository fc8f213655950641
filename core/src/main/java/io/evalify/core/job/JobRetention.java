package io.evalify.core.job;

import java.time.Duration;

/**
 * How long finished jobs stay readable, like RQ's {@code result_ttl} and {@code failure_ttl}.
 *
 * @param finished retention of a job that ended cleanly
 * @param failed retention of a job that ended with failures, failed, or expired (kept longer for review)
 * @param idempotencyKeys how long an {@code Idempotency-Key} is remembered
 */
public record JobRetention(Duration finished, Duration failed, Duration idempotencyKeys) {

    /** Seven days for clean jobs, thirty for failed ones, one day for idempotency keys. */
    public static final JobRetention DEFAULT =
            new JobRetention(Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(1));
}
