package io.evalify.core.job;

import io.evalify.schemas.job.JobStatus;

/**
 * What recording a task outcome did.
 *
 * @param kind whether it counted, was a duplicate, completed the job, or found no job
 * @param status the job status after the call (null when missing)
 */
public record OutcomeResult(Kind kind, JobStatus status) {

    /** The four results of the record-outcome script. */
    public enum Kind {
        RECORDED,
        DUPLICATE,
        COMPLETED,
        MISSING
    }

    static OutcomeResult of(String kind, String status) {
        var parsed = Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
        return new OutcomeResult(parsed, status.isEmpty() ? null : JobStatus.valueOf(status));
    }
}
