package io.evalify.api.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One page of a job's failed students, by student id.
 *
 * @param jobId the job
 * @param total failed (or re-opened) students in all pages
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param failures this page's students
 */
public record FailurePage(
        @JsonProperty("job_id") String jobId,
        @JsonProperty("total") int total,
        @JsonProperty("page") int page,
        @JsonProperty("size") int size,
        @JsonProperty("failures") List<FailureView> failures) {}
