package io.evalify.fakes.judge0;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One submission the fake received.
 *
 * @param sourceCode the program
 * @param languageId Judge0 language id, null if missing
 * @param stdin the input, null if missing
 * @param cpuTimeLimit seconds, null if not sent
 * @param memoryLimit kilobytes, null if not sent
 * @param body the whole request body
 * @param receivedAt arrival time
 */
public record RecordedSubmission(
        String sourceCode,
        Integer languageId,
        String stdin,
        Double cpuTimeLimit,
        Integer memoryLimit,
        JsonNode body,
        Instant receivedAt) {

    static RecordedSubmission of(JsonNode body) {
        return new RecordedSubmission(
                text(body.path("source_code")),
                body.path("language_id").isNumber() ? body.path("language_id").asInt() : null,
                text(body.path("stdin")),
                body.path("cpu_time_limit").isNumber()
                        ? body.path("cpu_time_limit").asDouble()
                        : null,
                body.path("memory_limit").isNumber() ? body.path("memory_limit").asInt() : null,
                body,
                Instant.now());
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.stringValue() : null;
    }
}
