package io.evalify.schemas.backend;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * A {@code quiz_response} row (docs/BACKEND-CONTRACT.md). Statuses stay strings: the backend has values
 * (such as {@code EVALUATED_MANUALLY}) the old evaluator's enum lacked, and an unknown one must not fail a job.
 *
 * @param quizId the quiz
 * @param studentId the student
 * @param response answers by question id, {@code {"<qid>": {"studentAnswer": ...}}}, or null
 * @param submissionStatus NOT_SUBMITTED, SUBMITTED or AUTO_SUBMITTED
 * @param evaluationStatus NOT_EVALUATED, EVALUATED, EVALUATED_MANUALLY or FAILED
 */
public record QuizResponse(
        @JsonProperty("quizId") String quizId,
        @JsonProperty("studentId") String studentId,
        @JsonProperty("response") JsonNode response,
        @JsonProperty("submissionStatus") String submissionStatus,
        @JsonProperty("evaluationStatus") String evaluationStatus) {

    /** The row's status columns. */
    public ResponseStatus status() {
        return new ResponseStatus(studentId, submissionStatus, evaluationStatus);
    }

    /** True when the student handed the quiz in (by hand or by the auto-submit). */
    public boolean isSubmitted() {
        return status().isSubmitted();
    }

    /** True when a grade exists that a default (non-override) job must not overwrite. */
    public boolean isAlreadyEvaluated() {
        return status().isAlreadyEvaluated();
    }
}
