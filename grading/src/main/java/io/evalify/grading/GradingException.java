package io.evalify.grading;

/**
 * A business failure of one question: bad question data, a bad answer shape or bad settings. The
 * student grader turns it into that question's ERROR outcome; it never fails the student.
 */
public class GradingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure with the full reason text. */
    public GradingException(String reason) {
        super(reason);
    }

    /** The question's data or solution is malformed. */
    public static GradingException invalidQuestion(String reason) {
        return new GradingException("Invalid question data: " + reason);
    }

    /** The student's answer has a shape this type cannot grade. */
    public static GradingException invalidAnswer(String reason) {
        return new GradingException("Invalid answer: " + reason);
    }

    /** A quiz setting is outside its range. */
    public static GradingException invalidSettings(String reason) {
        return new GradingException("Invalid quiz settings: " + reason);
    }
}
