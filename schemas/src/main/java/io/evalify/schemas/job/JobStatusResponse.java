package io.evalify.schemas.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Body of {@code GET /api/v1/jobs/evaluation/{id}}. Schema: {@code schemas/job-status.schema.json}.
 *
 * @param jobId the job id
 * @param quizId the graded quiz
 * @param status the current status
 * @param counts task counts
 * @param percent processed / total as a percentage, 100 for an empty job
 * @param createdAt when the job was accepted
 * @param startedAt when the first task started, or null
 * @param finishedAt when the job reached a terminal status, or null
 * @param ratePerSecond tasks processed per second since start, while running
 * @param etaSeconds estimated seconds to finish, while running
 * @param error a summary of why the job failed or which tasks failed, or null
 * @param callback where the completion callback stands, or null when the job asked for none (and in the callback's
 *     own body)
 */
public record JobStatusResponse(
        @JsonProperty("job_id") String jobId,
        @JsonProperty("quiz_id") String quizId,
        @JsonProperty("status") JobStatus status,
        @JsonProperty("counts") Counts counts,
        @JsonProperty("percent") double percent,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("finished_at") Instant finishedAt,
        @JsonProperty("rate_per_second") Double ratePerSecond,
        @JsonProperty("eta_seconds") Double etaSeconds,
        @JsonProperty("error") String error,
        @JsonProperty("callback") Callback callback) {

    /** A status without callback state: the job asked for none, or this is the callback's own body. */
    public JobStatusResponse(
            String jobId,
            String quizId,
            JobStatus status,
            Counts counts,
            double percent,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt,
            Double ratePerSecond,
            Double etaSeconds,
            String error) {
        this(
                jobId,
                quizId,
                status,
                counts,
                percent,
                createdAt,
                startedAt,
                finishedAt,
                ratePerSecond,
                etaSeconds,
                error,
                null);
    }

    /** The same status without its callback state. */
    public JobStatusResponse withoutCallback() {
        return new JobStatusResponse(
                jobId,
                quizId,
                status,
                counts,
                percent,
                createdAt,
                startedAt,
                finishedAt,
                ratePerSecond,
                etaSeconds,
                error);
    }

    /**
     * Task counts; {@code processed = succeeded + failed + cancelled}.
     *
     * @param total tasks (students) in the job
     * @param succeeded graded and saved
     * @param failed dead-lettered with a reason
     * @param cancelled skipped because the job was cancelled
     * @param processed all of the above
     */
    public record Counts(
            @JsonProperty("total") long total,
            @JsonProperty("succeeded") long succeeded,
            @JsonProperty("failed") long failed,
            @JsonProperty("cancelled") long cancelled,
            @JsonProperty("processed") long processed) {}

    /**
     * Where a completion callback stands.
     *
     * @param status pending, retrying, delivered or failed (the dead end: no further attempt)
     * @param attempts POSTs made so far
     * @param lastError what the last failed attempt got, or null
     * @param nextAttemptAt when the next attempt is due while retrying, or null
     * @param settledAt when it was delivered or given up, or null
     */
    public record Callback(
            @JsonProperty("status") CallbackStatus status,
            @JsonProperty("attempts") int attempts,
            @JsonProperty("last_error") String lastError,
            @JsonProperty("next_attempt_at") Instant nextAttemptAt,
            @JsonProperty("settled_at") Instant settledAt) {}
}
