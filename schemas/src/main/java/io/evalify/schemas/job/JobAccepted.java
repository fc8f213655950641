package io.evalify.schemas.job;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The 202 answer to a job submission. Schema: {@code schemas/job-accepted.schema.json}.
 *
 * @param jobId the new job's id
 * @param status always {@link JobStatus#QUEUED} or a terminal status for an empty job
 * @param statusUrl where to poll the job
 */
public record JobAccepted(
        @JsonProperty("job_id") String jobId,
        @JsonProperty("status") JobStatus status,
        @JsonProperty("status_url") String statusUrl) {}
