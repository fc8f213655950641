package io.evalify.core.job;

import io.evalify.schemas.job.JobStatus;

/** A status change that {@link JobTransitions} does not allow, such as cancelling a completed job. */
public class IllegalJobStateChangeException extends RuntimeException {

    private final String jobId;
    private final JobStatus from;
    private final JobStatus to;

    /** Creates the exception for job {@code jobId} refused to move {@code from} → {@code to}. */
    public IllegalJobStateChangeException(String jobId, JobStatus from, JobStatus to) {
        super("Job " + jobId + " cannot change from " + from + " to " + to);
        this.jobId = jobId;
        this.from = from;
        this.to = to;
    }

    /** The job. */
    public String jobId() {
        return jobId;
    }

    /** The status the job was in. */
    public JobStatus from() {
        return from;
    }

    /** The refused target status. */
    public JobStatus to() {
        return to;
    }
}
