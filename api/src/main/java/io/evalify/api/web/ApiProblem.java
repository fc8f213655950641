package io.evalify.api.web;

import io.evalify.schemas.FieldError;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A client-facing failure that becomes an RFC 9457 problem-details answer. Thrown by services, turned into
 * a response in one place ({@link ProblemAdvice}).
 */
public class ApiProblem extends RuntimeException {

    /** Retry-After of a 503 for Kafka: a leader election or a broker restart takes tens of seconds. */
    public static final Duration BROKER_RETRY_AFTER = Duration.ofSeconds(30);

    /** Retry-After of a 503 for Redis: a restart from its append-only file takes seconds. */
    public static final Duration STORE_RETRY_AFTER = Duration.ofSeconds(5);

    /** Keyword of a {@link FieldError} about a query or path parameter (its pointer is the parameter name). */
    public static final String PARAMETER = "parameter";

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;
    private final transient Object extra;
    private final Duration retryAfter;

    private ApiProblem(
            HttpStatus status, String type, String title, String detail, List<FieldError> errors, Object extra) {
        this(status, type, title, detail, errors, extra, null);
    }

    private ApiProblem(
            HttpStatus status,
            String type,
            String title,
            String detail,
            List<FieldError> errors,
            Object extra,
            Duration retryAfter) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors;
        this.extra = extra;
        this.retryAfter = retryAfter;
    }

    /** 400: the body breaks the schema or is not JSON. */
    public static ApiProblem invalidRequest(List<FieldError> errors) {
        return new ApiProblem(
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                "Invalid request",
                "The request body does not match the schema; see errors.",
                errors,
                null);
    }

    /** 400: a query or path parameter is out of range or unreadable. */
    public static ApiProblem badParameter(String name, String message) {
        return new ApiProblem(
                HttpStatus.BAD_REQUEST,
                "invalid-parameter",
                "Invalid parameter",
                "Parameter '" + name + "' is invalid: " + message,
                List.of(new FieldError(name, PARAMETER, message)),
                null);
    }

    /** 404: no such job. */
    public static ApiProblem jobNotFound(String jobId) {
        return new ApiProblem(
                HttpStatus.NOT_FOUND, "job-not-found", "Job not found", "No job " + jobId, List.of(), null);
    }

    /** 404: the job has no failed student of that id (never failed, already retried, or succeeded since). */
    public static ApiProblem studentNotFailed(String jobId, String studentId) {
        return new ApiProblem(
                HttpStatus.NOT_FOUND,
                "student-not-failed",
                "Student not failed",
                "Job " + jobId + " has no failed student " + studentId,
                List.of(),
                null);
    }

    /** 409: the request clashes with the job's state or with another job. */
    public static ApiProblem conflict(String type, String title, String detail, Object extra) {
        return new ApiProblem(HttpStatus.CONFLICT, type, title, detail, List.of(), extra);
    }

    /** 422: well-formed, but the backend says it cannot be done (unknown quiz, too many students). */
    public static ApiProblem unprocessable(String type, String title, String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, type, title, detail, List.of(), null);
    }

    /** 502/503: a dependency (backend, broker) failed; nothing was created. */
    public static ApiProblem dependencyFailed(HttpStatus status, String type, String title, String detail) {
        return new ApiProblem(status, type, title, detail, List.of(), null);
    }

    /**
     * 503 {@code broker-unavailable}: Kafka did not take the request's tasks. {@code extra} (may be null) names what
     * the request left behind, e.g. the job it failed. Retry after {@link #BROKER_RETRY_AFTER}.
     */
    public static ApiProblem brokerUnavailable(String title, String detail, Object extra) {
        return new ApiProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "broker-unavailable",
                title,
                detail,
                List.of(),
                extra,
                BROKER_RETRY_AFTER);
    }

    /** 503 {@code store-unavailable}: Redis did not answer. Retry after {@link #STORE_RETRY_AFTER}. */
    public static ApiProblem storeUnavailable(String detail, Object extra) {
        return new ApiProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "store-unavailable",
                "Job store unavailable",
                detail,
                List.of(),
                extra,
                STORE_RETRY_AFTER);
    }

    /** True when this problem is of the given type, e.g. {@code quiz-busy}. */
    public boolean is(String typeName) {
        return type.equals(typeName);
    }

    /** HTTP status. */
    public HttpStatus status() {
        return status;
    }

    /** Problem type URI, relative to our problem catalogue. */
    public URI type() {
        return URI.create("https://evalify.io/problems/" + type);
    }

    /** Short summary. */
    public String title() {
        return title;
    }

    /** Field errors, possibly empty. */
    public List<FieldError> errors() {
        return errors;
    }

    /** How long a client should wait before trying again ({@code Retry-After}), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** An extension member (e.g. the active job), or null. */
    public Object extra() {
        return extra;
    }
}
