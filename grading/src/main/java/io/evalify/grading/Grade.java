package io.evalify.grading;

import io.evalify.schemas.result.QuestionStatus;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What a question grader decided, before timing is attached. Marks are rounded to 2 decimals here,
 * so every grader rounds the same way.
 *
 * @param status evaluated, error or not evaluated
 * @param mark marks awarded (negative only with negative marking)
 * @param remarks feedback for faculty
 * @param errorMessage why grading failed, for {@link QuestionStatus#ERROR}
 * @param flags review flags such as {@code injection_suspected}
 * @param details type-specific detail, or null
 */
public record Grade(
        QuestionStatus status, double mark, String remarks, String errorMessage, List<String> flags, JsonNode details) {

    /** Compact constructor: rounds the mark and copies the flags. */
    public Grade {
        mark = Marks.round(mark);
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /** Full marks, "Correct". */
    public static Grade correct(double marks) {
        return evaluated(marks, Feedback.CORRECT);
    }

    /** A wrong answer: zero or a penalty, "Incorrect". */
    public static Grade incorrect(double mark) {
        return evaluated(mark, Feedback.INCORRECT);
    }

    /** Some of the marks, "Partially correct". */
    public static Grade partial(double mark) {
        return evaluated(mark, Feedback.PARTIALLY_CORRECT);
    }

    /** An unanswered question: zero without penalty. */
    public static Grade noAnswer() {
        return evaluated(0, Feedback.NO_ANSWER);
    }

    /** A graded question with free-form remarks. */
    public static Grade evaluated(double mark, String remarks) {
        return new Grade(QuestionStatus.EVALUATED, mark, remarks, null, List.of(), null);
    }

    /** The question could not be graded; zero marks and the reason. */
    public static Grade error(String reason) {
        return new Grade(QuestionStatus.ERROR, 0, reason, reason, List.of(), null);
    }

    /** Left for a person (or a missing dependency); zero marks and the reason as remarks. */
    public static Grade notEvaluated(String reason) {
        return new Grade(QuestionStatus.NOT_EVALUATED, 0, reason, null, List.of(), null);
    }

    /** This grade with the given review flags. */
    public Grade withFlags(List<String> newFlags) {
        return new Grade(status, mark, remarks, errorMessage, newFlags, details);
    }

    /** This grade with the given detail object. */
    public Grade withDetails(JsonNode newDetails) {
        return new Grade(status, mark, remarks, errorMessage, flags, newDetails);
    }
}
