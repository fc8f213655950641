package io.evalify.cli.progress;

import io.evalify.schemas.job.JobStatusResponse;

/** A watched job did not reach a terminal status in time. */
public final class WatchTimeoutException extends RuntimeException {

    private final transient JobStatusResponse lastStatus;

    /** Creates the exception with the last status seen. */
    public WatchTimeoutException(JobStatusResponse lastStatus) {
        super("job " + lastStatus.jobId() + " is still " + lastStatus.status() + " after the timeout");
        this.lastStatus = lastStatus;
    }

    /** The last status seen. */
    public JobStatusResponse lastStatus() {
        return lastStatus;
    }
}
