package io.evalify.api.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.evalify.core.job.FailureRecord;
import java.time.Instant;

/**
 * One failed student of a job, as {@code GET /{id}/failures} shows it.
 *
 * @param studentId the student
 * @param state {@code failed}, or {@code retrying} after a retry-failed re-opened it
 * @param type a stable error class such as {@code BACKEND_NOT_FOUND}
 * @param message the last error
 * @param retryable whether another attempt may succeed
 * @param attempts attempts made
 * @param firstFailureAt when the first attempt failed
 * @param lastFailureAt when the last attempt failed
 * @param deadLetter where the task's dead letter is, or null
 */
public record FailureView(
        @JsonProperty("student_id") String studentId,
        @JsonProperty("state") String state,
        @JsonProperty("type") String type,
        @JsonProperty("message") String message,
        @JsonProperty("retryable") boolean retryable,
        @JsonProperty("attempts") int attempts,
        @JsonProperty("first_failure_at") Instant firstFailureAt,
        @JsonProperty("last_failure_at") Instant lastFailureAt,
        @JsonProperty("dead_letter") FailureRecord.Location deadLetter) {

    static final String FAILED = "failed";
    static final String RETRYING = "retrying";
    static final String UNREADABLE = "UNREADABLE_FAILURE_RECORD";

    static FailureView of(String studentId, String state, FailureRecord record) {
        var failure = record.failure();
        if (failure == null) {
            return unreadable(studentId, state);
        }
        return new FailureView(
                studentId,
                state,
                failure.type(),
                failure.message(),
                failure.retryable(),
                failure.attempts(),
                failure.firstFailureAt(),
                failure.lastFailureAt(),
                record.deadLetter());
    }

    /** An entry the worker wrote in a shape this API cannot read: shown, never hidden. */
    static FailureView unreadable(String studentId, String state) {
        return new FailureView(
                studentId, state, UNREADABLE, "The stored failure could not be read", false, 0, null, null, null);
    }
}
