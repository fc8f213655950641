package io.evalify.schemas.backend;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The status columns of a {@code quiz_response} row: all the API needs to plan a job. The API reads only these
 * off the token stream (core's {@code ResponseStatusReader}), which keeps a 10,000-student submission cheap.
 *
 * @param studentId the student
 * @param submissionStatus NOT_SUBMITTED, SUBMITTED or AUTO_SUBMITTED
 * @param evaluationStatus NOT_EVALUATED, EVALUATED, EVALUATED_MANUALLY or FAILED
 */
// When bound with data binding instead: naming the big columns as ignored makes Jackson skip them; an unknown
// property of a creator-bound record would otherwise be copied into a token buffer first.
@JsonIgnoreProperties(
        value = {"response", "evaluationResults", "ip", "violations"},
        ignoreUnknown = true)
public record ResponseStatus(
        @JsonProperty("studentId") String studentId,
        @JsonProperty("submissionStatus") String submissionStatus,
        @JsonProperty("evaluationStatus") String evaluationStatus) {

    /** True when the student handed the quiz in (by hand or by the auto-submit). */
    public boolean isSubmitted() {
        return "SUBMITTED".equals(submissionStatus) || "AUTO_SUBMITTED".equals(submissionStatus);
    }

    /** True when a grade exists that a default (non-override) job must not overwrite. */
    public boolean isAlreadyEvaluated() {
        return "EVALUATED".equals(evaluationStatus) || "EVALUATED_MANUALLY".equals(evaluationStatus);
    }
}
