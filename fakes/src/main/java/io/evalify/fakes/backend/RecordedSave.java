package io.evalify.fakes.backend;

import io.evalify.schemas.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One {@code POST .../save/{studentId}} the fake received, kept for assertions. The body is kept as text and
 * parsed when asked for: a bench run records ~100,000 saves, and as JSON trees (tens of objects each) they kept
 * the fake's garbage collector busier than its request handling.
 *
 * @param quizId quiz path segment
 * @param studentId student path segment
 * @param rawBody the body text as sent
 * @param headers request headers (lower-case names) without the {@code API_KEY} secret
 * @param receivedAt when the request arrived
 * @param status the HTTP status the fake answered (200, or 500 for invalid bodies and injected faults)
 */
public record RecordedSave(
        String quizId,
        String studentId,
        String rawBody,
        Map<String, List<String>> headers,
        Instant receivedAt,
        int status) {

    /** The body parsed as JSON, or null when it is not JSON. */
    public JsonNode body() {
        try {
            return rawBody.isEmpty() ? null : Json.mapper().readTree(rawBody);
        } catch (JacksonException e) {
            return null;
        }
    }

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
