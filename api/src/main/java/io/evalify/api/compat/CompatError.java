package io.evalify.api.compat;

import org.springframework.http.HttpStatus;

/** A failure answered in the old evaluator's (FastAPI's) shape, {@code {"detail": ...}}, by {@link CompatAdvice}. */
class CompatError extends RuntimeException {

    private final HttpStatus status;
    private final transient Object detail;

    CompatError(HttpStatus status, Object detail) {
        super(String.valueOf(detail), null, false, false);
        this.status = status;
        this.detail = detail;
    }

    HttpStatus status() {
        return status;
    }

    Object detail() {
        return detail;
    }
}
