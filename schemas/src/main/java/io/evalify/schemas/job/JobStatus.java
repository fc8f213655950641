package io.evalify.schemas.job;

/**
 * Where an evaluation job stands. The allowed transitions live in {@code io.evalify.core.job.JobTransitions};
 * this enum is only the vocabulary shared by the API, the worker and the schemas.
 */
public enum JobStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    COMPLETED_WITH_ERRORS,
    FAILED,
    CANCELLING,
    CANCELLED,
    EXPIRED;

    /** True when no further transition is allowed. */
    public boolean isTerminal() {
        return switch (this) {
            case COMPLETED, COMPLETED_WITH_ERRORS, FAILED, CANCELLED, EXPIRED -> true;
            case QUEUED, RUNNING, CANCELLING -> false;
        };
    }
}
