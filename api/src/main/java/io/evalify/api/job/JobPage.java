package io.evalify.api.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.evalify.schemas.job.JobStatusResponse;
import java.util.List;

/**
 * One page of {@code GET /api/v1/jobs/evaluation}, newest job first.
 *
 * @param jobs the jobs of this page, as their status JSON
 * @param size the page size asked for
 * @param nextCursor pass as {@code cursor} for the following page; null when there is none
 * @param hasMore whether a following page may hold jobs (the same as a non-null {@code next_cursor})
 */
record JobPage(
        @JsonProperty("jobs") List<JobStatusResponse> jobs,
        @JsonProperty("size") int size,
        @JsonProperty("next_cursor") String nextCursor,
        @JsonProperty("has_more") boolean hasMore) {}
