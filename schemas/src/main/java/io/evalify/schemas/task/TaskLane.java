package io.evalify.schemas.task;

import io.evalify.schemas.backend.Question;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Which slow dependency a task needs, like the old evaluator's separate queues ({@code mcq-queue},
 * {@code desc-queue}, {@code coding-queue}): each lane has its own topic and its own concurrency, so students
 * with only objective questions never wait behind saturated LLM calls. Reads type names and question data as
 * leniently as the graders do (any case, version-wrapped or not), so a question is routed to the lane it is graded in.
 */
public enum TaskLane {
    /** Rule-graded questions only: fast, bounded by the backend. */
    OBJECTIVE,
    /** At least one question graded by an LLM (DESCRIPTIVE, FILL_THE_BLANK in HYBRID mode). */
    LLM,
    /** At least one CODING question and no LLM question: bounded by Judge0. */
    CODING;

    /** The lane for a quiz's (filtered) questions: LLM wins over CODING, which wins over OBJECTIVE. */
    public static TaskLane of(List<Question> questions) {
        if (questions.stream().anyMatch(TaskLane::needsLlm)) {
            return LLM;
        }
        return questions.stream().anyMatch(q -> "CODING".equals(type(q))) ? CODING : OBJECTIVE;
    }

    private static boolean needsLlm(Question question) {
        return "DESCRIPTIVE".equals(type(question)) || isHybridFillTheBlank(question);
    }

    private static boolean isHybridFillTheBlank(Question question) {
        if (!"FILL_THE_BLANK".equals(type(question)) || question.questionData() == null) {
            return false;
        }
        var mode = unwrap(question.questionData()).path("config").path("evaluationType");
        return "HYBRID".equalsIgnoreCase(mode.asString("").trim());
    }

    private static String type(Question question) {
        return question.type() == null ? "" : question.type().trim().toUpperCase(Locale.ROOT);
    }

    /** Question data as stored ({@code {"version": 1, "data": {...}}}) or, in legacy rows, unwrapped. */
    private static JsonNode unwrap(JsonNode data) {
        return data.has("version") && data.has("data") ? data.get("data") : data;
    }
}
