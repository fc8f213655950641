package io.evalify.grading;

import java.time.Duration;

/**
 * A remote dependency (LLM, Judge0) failed in a way that should fail the whole grading task, so the worker
 * can retry it later (when {@link #retryable()}) or dead-letter it. Messages never carry secrets.
 */
public class RemoteCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String remote;
    private final int statusCode;
    private final boolean retryable;
    private final Duration retryAfter;

    /**
     * @param remote which dependency, e.g. {@code llm} or {@code judge0}
     * @param statusCode HTTP status, or 0 for a transport failure or time-out
     * @param retryable true for 429, 5xx, time-outs and connection errors
     * @param retryAfter the server's Retry-After, or null when unknown
     * @param message what failed
     * @param cause the underlying exception, or null
     */
    public RemoteCallException(
            String remote, int statusCode, boolean retryable, Duration retryAfter, String message, Throwable cause) {
        super(message, cause);
        this.remote = remote;
        this.statusCode = statusCode;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** Classifies an HTTP status: 408, 429 and 5xx are retryable; other 4xx are not. */
    public static boolean isRetryableStatus(int status) {
        return status == 408 || status == 429 || status >= 500 || status == 0;
    }

    /** Which dependency failed. */
    public String remote() {
        return remote;
    }

    /** HTTP status, 0 when there was no response. */
    public int statusCode() {
        return statusCode;
    }

    /** Whether retrying the task later can help. */
    public boolean retryable() {
        return retryable;
    }

    /** How long the server asked us to wait, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
