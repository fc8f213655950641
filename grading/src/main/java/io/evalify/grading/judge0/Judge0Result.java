package io.evalify.grading.judge0;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What Judge0 returns for one run.
 *
 * @param stdout program output (null when none)
 * @param stderr error output
 * @param compileOutput compiler messages
 * @param message Judge0's own message
 * @param status status id and description (3 = Accepted)
 */
public record Judge0Result(
        @JsonProperty("stdout") String stdout,
        @JsonProperty("stderr") String stderr,
        @JsonProperty("compile_output") String compileOutput,
        @JsonProperty("message") String message,
        @JsonProperty("status") Status status) {

    /** Judge0's status id for a run that finished normally. */
    public static final int ACCEPTED = 3;
    /** Judge0's status id for a compilation error. */
    public static final int COMPILATION_ERROR = 6;
    /** Judge0's status id for its own internal error. */
    public static final int INTERNAL_ERROR = 13;

    /**
     * @param id status id
     * @param description e.g. {@code Accepted}, {@code Time Limit Exceeded}
     */
    public record Status(
            @JsonProperty("id") int id,
            @JsonProperty("description") String description) {}

    /** Status id, 0 when Judge0 sent none. */
    public int statusId() {
        return status == null ? 0 : status.id();
    }

    /** True when the program ran to completion. */
    public boolean accepted() {
        return statusId() == ACCEPTED;
    }

    /** The status description, e.g. {@code Runtime Error (NZEC)}. */
    public String statusDescription() {
        return status == null || status.description() == null ? "Unknown status" : status.description();
    }

    /** stdout with {@code \r\n} → {@code \n} and trimmed; null counts as "". */
    public String normalisedStdout() {
        return normalise(stdout);
    }

    /** The comparison form of any output. */
    public static String normalise(String output) {
        return output == null ? "" : output.replace("\r\n", "\n").strip();
    }
}
