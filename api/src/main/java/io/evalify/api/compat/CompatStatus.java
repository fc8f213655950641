package io.evalify.api.compat;

import io.evalify.schemas.job.JobStatus;

/**
 * The old evaluator's four statuses (docs/BACKEND-CONTRACT.md) and how our job statuses map onto them. The old
 * evaluator reported FAILED as soon as any student failed, so COMPLETED_WITH_ERRORS is FAILED; CANCELLED and EXPIRED
 * did not exist and are FAILED too (the run did not finish its work); CANCELLING is still RUNNING.
 */
enum CompatStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED;

    static CompatStatus of(JobStatus status) {
        return switch (status) {
            case QUEUED -> QUEUED;
            case RUNNING, CANCELLING -> RUNNING;
            case COMPLETED -> COMPLETED;
            case COMPLETED_WITH_ERRORS, FAILED, CANCELLED, EXPIRED -> FAILED;
        };
    }
}
