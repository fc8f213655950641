package io.evalify.api.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.evalify.schemas.job.JobStatusResponse;
import java.util.List;

/**
 * One page of {@code GET /api/v1/jobs/evaluation}, newest job first.
 *
 * @param jobs the jobs of this page, as their status JSON
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param hasMore whether a further page has at least one job
 */
record JobPage(
        @JsonProperty("jobs") List<JobStatusResponse> jobs,
        @JsonProperty("page") int page,
        @JsonProperty("size") int size,
        @JsonProperty("has_more") boolean hasMore) {}
