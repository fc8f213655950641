package io.evalify.schemas.deadletter;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A failure as data: what went wrong with a task, never a live exception.
 *
 * @param type a stable error class such as {@code BACKEND_NOT_FOUND} or {@code POISON_RECORD}
 * @param message a human-readable reason (no secrets)
 * @param retryable whether another attempt may succeed
 * @param attempts attempts made so far
 * @param firstFailureAt when the first attempt failed
 * @param lastFailureAt when the latest attempt failed
 */
public record TaskFailure(
        @JsonProperty("type") String type,
        @JsonProperty("message") String message,
        @JsonProperty("retryable") boolean retryable,
        @JsonProperty("attempts") int attempts,
        @JsonProperty("first_failure_at") Instant firstFailureAt,
        @JsonProperty("last_failure_at") Instant lastFailureAt) {}
