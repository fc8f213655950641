package io.evalify.grading;

/** The remarks the old evaluator wrote and the Evalify UI shows; kept word for word. */
public final class Feedback {

    /** Full marks. */
    public static final String CORRECT = "Correct";
    /** Zero marks or a penalty. */
    public static final String INCORRECT = "Incorrect";
    /** Some marks. */
    public static final String PARTIALLY_CORRECT = "Partially correct";
    /** Unanswered: zero, never a penalty. */
    public static final String NO_ANSWER = "No answer provided";

    private Feedback() {}

    /** Coding feedback, e.g. {@code Passed 1/2 test cases}. */
    public static String passed(int passed, int total) {
        return "Passed " + passed + "/" + total + " test cases";
    }
}
