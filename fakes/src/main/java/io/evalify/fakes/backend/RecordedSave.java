package io.evalify.fakes.backend;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One {@code POST .../save/{studentId}} the fake received, kept for assertions.
 *
 * @param quizId quiz path segment
 * @param studentId student path segment
 * @param body the parsed body, or null when it was not JSON
 * @param rawBody the body text as sent
 * @param headers request headers (lower-case names) without the {@code API_KEY} secret
 * @param receivedAt when the request arrived
 * @param status the HTTP status the fake answered (200, or 500 for invalid bodies and injected faults)
 */
public record RecordedSave(
        String quizId,
        String studentId,
        JsonNode body,
        String rawBody,
        Map<String, List<String>> headers,
        Instant receivedAt,
        int status) {

    /** The {@code Idempotency-Key} header, if the client sent one. */
    public Optional<String> idempotencyKey() {
        return header("idempotency-key");
    }

    /** First value of a header (name case-insensitive). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** True when the save was answered 200. */
    public boolean accepted() {
        return status == 200;
    }
}
