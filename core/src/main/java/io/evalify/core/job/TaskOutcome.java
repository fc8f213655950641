package io.evalify.core.job;

/** How one task (one student) of a job ended. Each student is counted under exactly one outcome. */
public enum TaskOutcome {
    /** Graded and saved (or skipped because a grade exists and the job does not override it). */
    SUCCEEDED("succeeded"),
    /** Dead-lettered with a reason; a requeue may turn it into a success. */
    FAILED("failed"),
    /** Skipped because the job was cancelled. */
    CANCELLED("cancelled");

    private final String field;

    TaskOutcome(String field) {
        this.field = field;
    }

    /** The counter field in the job hash, and the value kept per student. */
    public String field() {
        return field;
    }
}
