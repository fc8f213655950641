package io.evalify.fakes.judge0;

import io.evalify.schemas.Json;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * What one fake run produced. Null fields are sent as JSON nulls, as Judge0 does.
 *
 * @param stdout program output (Python's print adds a trailing newline)
 * @param stderr error output
 * @param compileOutput compiler messages
 * @param message Judge0's message (e.g. the exit status text)
 * @param status the outcome
 * @param exitCode process exit code
 */
public record Judge0Result(
        String stdout, String stderr, String compileOutput, String message, Judge0Status status, Integer exitCode) {

    /** A clean run printing {@code stdout}. */
    public static Judge0Result accepted(String stdout) {
        return new Judge0Result(stdout, null, null, null, Judge0Status.ACCEPTED, 0);
    }

    /** A crash (status 11) with {@code stderr}. */
    public static Judge0Result runtimeError(String stderr) {
        return new Judge0Result(null, stderr, null, "Exited with error status 1", Judge0Status.RUNTIME_ERROR_NZEC, 1);
    }

    /** A time-out (status 5). */
    public static Judge0Result timeLimitExceeded() {
        return new Judge0Result(null, null, null, "Time limit exceeded", Judge0Status.TIME_LIMIT_EXCEEDED, null);
    }

    /** A compile failure (status 6) with the compiler's output. */
    public static Judge0Result compilationError(String compileOutput) {
        return new Judge0Result(null, null, compileOutput, null, Judge0Status.COMPILATION_ERROR, null);
    }

    /** The Judge0 response body for this result. */
    ObjectNode toJson() {
        ObjectNode body = Json.mapper().createObjectNode();
        putNullable(body, "stdout", stdout);
        putNullable(body, "stderr", stderr);
        putNullable(body, "compile_output", compileOutput);
        putNullable(body, "message", message);
        body.putObject("status").put("id", status.id()).put("description", status.description());
        body.put("time", "0.01").put("memory", 1024);
        if (exitCode == null) {
            body.putNull("exit_code");
        } else {
            body.put("exit_code", exitCode);
        }
        body.put("token", UUID.randomUUID().toString());
        return body;
    }

    private static void putNullable(ObjectNode body, String field, String value) {
        if (value == null) {
            body.putNull(field);
        } else {
            body.put(field, value);
        }
    }
}
