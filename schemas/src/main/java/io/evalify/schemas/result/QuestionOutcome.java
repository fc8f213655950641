package io.evalify.schemas.result;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The saved result of one question: the fields the Evalify UI reads ({@code status}, {@code mark},
 * {@code remarks}) plus the evaluator's detail. Schema: {@code schemas/student-result.schema.json}.
 *
 * @param status UI status, {@code EVALUATED} or {@code UNEVALUATED}
 * @param mark marks awarded (may be negative with negative marking)
 * @param remarks feedback shown to faculty
 * @param evaluationStatus evaluator status
 * @param questionType the question's type as the backend names it
 * @param metrics timing of the grading call
 * @param errorMessage why grading failed, for {@link QuestionStatus#ERROR}
 * @param flags review flags such as {@code injection_suspected}
 * @param details type-specific detail (LLM rubric, test case results), or null
 */
public record QuestionOutcome(
        @JsonProperty("status") String status,
        @JsonProperty("mark") double mark,
        @JsonProperty("remarks") String remarks,
        @JsonProperty("evaluation_status") QuestionStatus evaluationStatus,
        @JsonProperty("question_type") String questionType,
        @JsonProperty("metrics") Metrics metrics,
        @JsonProperty("error_message") String errorMessage,
        @JsonProperty("flags") List<String> flags,
        @JsonProperty("details") JsonNode details) {

    /** Compact constructor: keeps {@code status} consistent with {@code evaluationStatus}. */
    public QuestionOutcome {
        status = evaluationStatus == null ? status : evaluationStatus.uiStatus();
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /**
     * Timing of one grading call.
     *
     * @param timeTaken seconds spent grading, rounded to milliseconds
     */
    public record Metrics(@JsonProperty("time_taken") double timeTaken) {}
}
