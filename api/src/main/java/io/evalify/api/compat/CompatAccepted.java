package io.evalify.api.compat;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The old evaluator's 202 answer to {@code POST /api/v1/evaluations}.
 *
 * @param quizId the quiz
 * @param status the evaluation's status, QUEUED for a new one
 * @param progressUrl {@code /api/v1/evaluations/{quiz_id}/progress}
 */
record CompatAccepted(
        @JsonProperty("quiz_id") String quizId,
        @JsonProperty("status") CompatStatus status,
        @JsonProperty("progress_url") String progressUrl) {}
