package io.evalify.grading.objective;

import io.evalify.grading.GradingException;
import io.evalify.grading.GradingInput;
import io.evalify.schemas.backend.QuizSettings;

/**
 * Penalties for wrong objective answers (never for unanswered ones). Precedence, most specific first:
 * the question's own {@code negativeMarks} when above 0 (MCQ and TRUE_FALSE only, as the UI offers it),
 * then the quiz's {@code mcqGlobalNegativePercent}, then {@code mcqGlobalNegativeMark} (MCQ and MMCQ),
 * else no penalty. Signs are ignored (0.5 and -0.5 both mean "lose 0.5") and a penalty never exceeds
 * the question's marks.
 */
public final class NegativeMarking {

    private NegativeMarking() {}

    /** The (non-positive) mark for a wrong MCQ answer. */
    public static double forMcq(GradingInput input) {
        double own = perQuestion(input);
        return own > 0 ? penalty(input, own) : forMmcq(input);
    }

    /** The (non-positive) mark for a wrong MMCQ selection: quiz settings only. */
    public static double forMmcq(GradingInput input) {
        return penalty(input, global(input.settings(), input.marks()));
    }

    /** The (non-positive) mark for a wrong TRUE_FALSE answer: the question's own negativeMarks only. */
    public static double forTrueFalse(GradingInput input) {
        return penalty(input, perQuestion(input));
    }

    /**
     * The penalty percent as a fraction. The UI collects 0-100 while the old evaluator wanted 0-1, so a
     * value above 1 is read as a percent (25 means 0.25); anything outside 0-100 is rejected.
     */
    public static double percentAsFraction(double percent) {
        double value = Math.abs(percent);
        if (value > 100 || Double.isNaN(value)) {
            throw GradingException.invalidSettings("mcqGlobalNegativePercent must be 0-1 or 0-100, got " + percent);
        }
        return value > 1 ? value / 100 : value;
    }

    private static double global(QuizSettings settings, double marks) {
        if (settings.mcqGlobalNegativePercent() != null) {
            return marks * percentAsFraction(settings.mcqGlobalNegativePercent());
        }
        Double mark = settings.mcqGlobalNegativeMark();
        return mark == null ? 0 : Math.abs(mark);
    }

    private static double perQuestion(GradingInput input) {
        Double own = input.question().negativeMarks();
        return own == null || own.isNaN() ? 0 : Math.abs(own);
    }

    private static double penalty(GradingInput input, double amount) {
        return -Math.min(amount, input.marks());
    }
}
