package io.evalify.core.job;

/** No job with this id exists (never created, or expired after its retention). */
public class JobNotFoundException extends RuntimeException {

    /** Creates the exception for {@code jobId}. */
    public JobNotFoundException(String jobId) {
        super("No job " + jobId);
    }
}
