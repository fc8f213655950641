package io.evalify.grading;

/**
 * Grading stopped because its thread was interrupted (the task's time-out or a worker shutdown). It is never
 * a question's outcome: it escapes the student grader so nothing half-graded is saved, and the interrupt
 * flag stays set for the caller.
 */
public class GradingInterruptedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Grading of the current student was interrupted. */
    public GradingInterruptedException() {
        super("Grading interrupted (task time-out or shutdown)");
    }
}
