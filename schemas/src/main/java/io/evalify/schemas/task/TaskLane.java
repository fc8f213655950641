package io.evalify.schemas.task;

import io.evalify.schemas.backend.BlankMode;
import io.evalify.schemas.backend.Question;
import io.evalify.schemas.backend.QuestionData;
import io.evalify.schemas.backend.QuestionType;
import java.util.List;

/**
 * Which slow dependency a task needs, like the old evaluator's separate queues ({@code mcq-queue},
 * {@code desc-queue}, {@code coding-queue}): each lane has its own topic and its own concurrency, so students
 * with only objective questions never wait behind saturated LLM calls. Reads types, question data and the blank
 * mode with the same rules the graders use ({@link QuestionType}, {@link QuestionData}, {@link BlankMode}), so a
 * question is routed to the lane it is graded in.
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
        return questions.stream().anyMatch(q -> QuestionType.of(q) == QuestionType.CODING) ? CODING : OBJECTIVE;
    }

    private static boolean needsLlm(Question question) {
        return switch (QuestionType.of(question)) {
            case DESCRIPTIVE -> true;
            case FILL_THE_BLANK ->
                BlankMode.ofData(QuestionData.unwrap(question.questionData()))
                        .filter(mode -> mode == BlankMode.HYBRID)
                        .isPresent();
            case null, default -> false;
        };
    }
}
