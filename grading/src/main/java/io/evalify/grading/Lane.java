package io.evalify.grading;

import io.evalify.grading.fillblank.EvaluationType;
import io.evalify.schemas.backend.Question;
import io.evalify.schemas.backend.QuizSettings;
import java.util.List;
import java.util.Locale;

/** Which slow dependency grading a student of a quiz needs, so the worker can route and limit by it. */
public enum Lane {
    /** Rules only: fast, no remote calls. */
    OBJECTIVE,
    /** At least one DESCRIPTIVE or HYBRID FILL_THE_BLANK question: LLM calls. */
    LLM,
    /** At least one CODING question and nothing for the LLM: Judge0 calls. */
    CODING;

    /** The lane of a quiz's (filtered) questions; settings are accepted for future rules and may be null. */
    public static Lane of(List<Question> questions, QuizSettings settings) {
        if (questions.stream().anyMatch(Lane::needsLlm)) {
            return LLM;
        }
        return questions.stream().anyMatch(q -> QuestionType.of(q.type()) == QuestionType.CODING) ? CODING : OBJECTIVE;
    }

    private static boolean needsLlm(Question question) {
        QuestionType type = QuestionType.of(question.type());
        return type == QuestionType.DESCRIPTIVE || (type == QuestionType.FILL_THE_BLANK && isHybrid(question));
    }

    private static boolean isHybrid(Question question) {
        String mode = JsonNodes.scalarText(
                JsonNodes.unwrap(question.questionData()).path("config").get("evaluationType"));
        return mode != null && EvaluationType.HYBRID.name().equals(mode.trim().toUpperCase(Locale.ROOT));
    }
}
