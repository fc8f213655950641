package io.evalify.core.job;

/** What {@link JobStore#create} did. */
public sealed interface CreateResult {

    /** The job was written. */
    record Created(String jobId) implements CreateResult {}

    /** The idempotency key was seen before; {@code stored} is what was remembered for it. */
    record Duplicate(IdempotencyRecord stored) implements CreateResult {}

    /** Another job of the same quiz is still active. */
    record Conflict(String activeJobId) implements CreateResult {}
}
