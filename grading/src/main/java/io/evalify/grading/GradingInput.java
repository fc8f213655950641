package io.evalify.grading;

import io.evalify.schemas.backend.Question;
import io.evalify.schemas.backend.QuizSettings;
import tools.jackson.databind.JsonNode;

/**
 * Everything one question grader needs for one student.
 *
 * @param question the backend question (for id, type, HTML text and per-question settings)
 * @param marks the question's marks, validated to be finite and not negative
 * @param data the question data, unwrapped from its version envelope (a missing node when absent)
 * @param solution the solution, unwrapped (a missing node when absent)
 * @param answer the {@code studentAnswer} value (a missing node when the student gave none)
 * @param settings the quiz settings, never null
 */
public record GradingInput(
        Question question, double marks, JsonNode data, JsonNode solution, JsonNode answer, QuizSettings settings) {

    /** True when the answer is null, blank text, {@code []} or {@code {}}: such answers earn 0 without penalty. */
    public boolean unanswered() {
        return JsonNodes.isBlank(answer);
    }

    /** The question id, for cache keys and logs. */
    public String questionId() {
        return question.id();
    }
}
