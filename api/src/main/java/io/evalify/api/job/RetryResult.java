package io.evalify.api.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.evalify.schemas.job.JobStatusResponse;

/**
 * The answer to {@code POST /{id}/retry-failed}.
 *
 * @param jobId the job
 * @param requeued students whose task was published again
 * @param statusUrl where to follow the job
 * @param job the job's status after the requeue
 */
record RetryResult(
        @JsonProperty("job_id") String jobId,
        @JsonProperty("requeued") int requeued,
        @JsonProperty("status_url") String statusUrl,
        @JsonProperty("job") JobStatusResponse job) {}
