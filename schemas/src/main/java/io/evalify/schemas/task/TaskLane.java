package io.evalify.schemas.task;

import io.evalify.schemas.backend.Question;
import java.util.List;

/**
 * Which slow dependency a task needs, like the old evaluator's separate queues ({@code mcq-queue},
 * {@code desc-queue}, {@code coding-queue}): each lane has its own topic and its own concurrency, so students
 * with only objective questions never wait behind saturated LLM calls.
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
        return questions.stream().anyMatch(q -> "CODING".equals(q.type())) ? CODING : OBJECTIVE;
    }

    private static boolean needsLlm(Question question) {
        return "DESCRIPTIVE".equals(question.type()) || isHybridFillTheBlank(question);
    }

    private static boolean isHybridFillTheBlank(Question question) {
        if (!"FILL_THE_BLANK".equals(question.type()) || question.questionData() == null) {
            return false;
        }
        var mode = question.questionData().path("data").path("config").path("evaluationType");
        return "HYBRID".equals(mode.asString(""));
    }
}
