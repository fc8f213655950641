package io.evalify.schemas.backend;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * A question as the backend's {@code GET /eval/quiz/{quizId}/question} returns it (docs/BACKEND-CONTRACT.md).
 * Type-specific parts stay JSON so one malformed question fails only itself when graded.
 *
 * @param id question id (the key of the student's answer map)
 * @param type the backend's type name, e.g. {@code MCQ}; unknown names are kept as they are
 * @param marks marks for a full answer; null when the row is malformed
 * @param negativeMarks per-question penalty, nullable in the database
 * @param question HTML text
 * @param questionData version-wrapped type data {@code {"version": 1, "data": {...}}}
 * @param solution version-wrapped solution
 * @param orderIndex display order
 */
public record Question(
        @JsonProperty("id") String id,
        @JsonProperty("type") String type,
        @JsonProperty("marks") Double marks,
        @JsonProperty("negativeMarks") Double negativeMarks,
        @JsonProperty("question") String question,
        @JsonProperty("questionData") JsonNode questionData,
        @JsonProperty("solution") JsonNode solution,
        @JsonProperty("orderIndex") Integer orderIndex) {}
