package io.evalify.grading;

import io.evalify.schemas.backend.Question;
import io.evalify.schemas.result.EvaluationResult;
import io.evalify.schemas.result.QuestionOutcome;
import io.evalify.schemas.result.SaveBody;
import java.util.List;
import java.util.Map;

/**
 * The student's totals. {@code score} = Σ marks awarded (penalties included), clamped at 0 and rounded to
 * 2 decimals. {@code totalScore} = Σ marks of every question graded in this run, including ERROR and
 * NOT_EVALUATED ones: it is the most the student could get, and a person grading a file upload later
 * changes the score, not the total. A question with invalid marks adds 0.
 */
final class Totals {

    private Totals() {}

    static SaveBody saveBody(List<Question> questions, Map<String, QuestionOutcome> outcomes) {
        double awarded =
                outcomes.values().stream().mapToDouble(QuestionOutcome::mark).sum();
        double total = questions.stream().mapToDouble(Totals::validMarks).sum();
        return new SaveBody(Math.max(0, Marks.round(awarded)), Marks.round(total), EvaluationResult.of(outcomes));
    }

    /** The question's marks, or 0 when missing, negative or not finite. */
    static double validMarks(Question question) {
        Double marks = question.marks();
        return marks == null || !Double.isFinite(marks) || marks < 0 ? 0 : marks;
    }
}
