package io.evalify.api.compat;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.evalify.schemas.job.JobSubmission;
import java.util.List;

/**
 * Body of the old {@code POST /api/v1/evaluations} ({@code EvaluationJobRequest}). Schema:
 * {@code schemas/compat-evaluation-request.schema.json}; unknown fields are ignored, as FastAPI did.
 *
 * @param quizId the quiz to evaluate
 * @param overrideEvaluated re-grade already evaluated responses
 * @param studentIds students to evaluate, or null for all
 * @param questionIds questions to evaluate, or null for all
 */
record CompatRequest(
        @JsonProperty("quiz_id") String quizId,
        @JsonProperty("override_evaluated") Boolean overrideEvaluated,
        @JsonProperty("student_ids") List<String> studentIds,
        @JsonProperty("question_ids") List<String> questionIds) {

    /** The same request in the job API's terms (never forced: a busy quiz answers with its active job). */
    JobSubmission toSubmission() {
        return new JobSubmission(
                quizId,
                new JobSubmission.Filters(studentIds, questionIds),
                new JobSubmission.Config(Boolean.TRUE.equals(overrideEvaluated), false, null));
    }
}
