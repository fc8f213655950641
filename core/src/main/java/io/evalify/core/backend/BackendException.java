package io.evalify.core.backend;

/**
 * A failed call to the Evalify backend. {@code status} is 0 when no HTTP answer came (connection refused,
 * time-out). Whether to retry is decided by the worker's failure classifier from these fields.
 */
public class BackendException extends RuntimeException {

    private final int status;
    private final String route;

    /** A failure with an HTTP status (or 0) on a route such as {@code GET /eval/quiz/{id}/student}. */
    public BackendException(String route, int status, String message, Throwable cause) {
        super(route + " -> " + (status == 0 ? "no answer" : "HTTP " + status) + ": " + message, cause);
        this.status = status;
        this.route = route;
    }

    /** The HTTP status, or 0 when the backend did not answer. */
    public int status() {
        return status;
    }

    /** The route template that failed. */
    public String route() {
        return route;
    }

    /** True for a client error the backend will repeat however often we ask (404, 400, 401). */
    public boolean isClientError() {
        return status >= 400 && status < 500 && status != 408 && status != 429;
    }
}
