package io.evalify.worker.failure;

import io.evalify.core.backend.BackendException;
import io.evalify.core.job.JobNotFoundException;
import io.evalify.grading.RemoteCallException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.SerializationException;
import org.springframework.dao.DataAccessException;

/**
 * The one place that decides what kind of failure an exception is: retryable (time-outs, connection errors,
 * 5xx, 429), fatal (a backend 4xx such as a missing response, an unknown job, a poison record), or an
 * infrastructure outage (Redis) that is no fault of the task and must not use up its attempts.
 */
public final class FailureClassifier {

    private FailureClassifier() {}

    /** Classifies {@code error}. */
    public static Failure classify(Throwable error) {
        return switch (error) {
            case BackendException e -> backend(e);
            case RemoteCallException e ->
                new Failure(
                        e.remote().toUpperCase(java.util.Locale.ROOT) + "_" + statusName(e.statusCode()),
                        e.getMessage(),
                        e.retryable() ? Failure.Kind.RETRYABLE : Failure.Kind.FATAL,
                        e.retryAfter());
            case TimeoutException e -> retryable("TASK_TIMEOUT", e.getMessage());
            case SerializationException e -> fatal("POISON_RECORD", e.getMessage());
            case JobNotFoundException e -> fatal("UNKNOWN_JOB", e.getMessage());
            case DataAccessException e ->
                new Failure("REDIS_UNAVAILABLE", e.getMessage(), Failure.Kind.INFRASTRUCTURE, null);
            default -> retryable("UNEXPECTED_" + error.getClass().getSimpleName(), String.valueOf(error.getMessage()));
        };
    }

    private static Failure backend(BackendException e) {
        var type = "BACKEND_" + (e.status() == 404 ? "NOT_FOUND" : statusName(e.status()));
        return e.isClientError() ? fatal(type, e.getMessage()) : retryable(type, e.getMessage());
    }

    private static String statusName(int status) {
        return status == 0 ? "UNREACHABLE" : "HTTP_" + status;
    }

    private static Failure retryable(String type, String message) {
        return new Failure(type, message, Failure.Kind.RETRYABLE, null);
    }

    private static Failure fatal(String type, String message) {
        return new Failure(type, message, Failure.Kind.FATAL, null);
    }

    /**
     * A classified failure.
     *
     * @param type stable error class
     * @param message reason (no secrets: our clients never put keys in messages)
     * @param kind what may be done about it
     * @param retryAfter the remote's own back-off hint, or null
     */
    public record Failure(String type, String message, Kind kind, Duration retryAfter) {

        /** What may be done about a failure. */
        public enum Kind {
            RETRYABLE,
            FATAL,
            INFRASTRUCTURE
        }
    }
}
