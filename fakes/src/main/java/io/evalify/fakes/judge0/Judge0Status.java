package io.evalify.fakes.judge0;

/** Judge0 CE submission statuses the fake can answer with. */
public enum Judge0Status {
    /** Ran and exited 0. */
    ACCEPTED(3, "Accepted"),
    /** Ran past {@code cpu_time_limit}. */
    TIME_LIMIT_EXCEEDED(5, "Time Limit Exceeded"),
    /** Did not compile. */
    COMPILATION_ERROR(6, "Compilation Error"),
    /** Exited non-zero. */
    RUNTIME_ERROR_NZEC(11, "Runtime Error (NZEC)"),
    /** Judge0's own failure. */
    INTERNAL_ERROR(13, "Internal Error");

    private final int id;
    private final String description;

    Judge0Status(int id, String description) {
        this.id = id;
        this.description = description;
    }

    /** Judge0's numeric status id. */
    public int id() {
        return id;
    }

    /** Judge0's status description. */
    public String description() {
        return description;
    }
}
