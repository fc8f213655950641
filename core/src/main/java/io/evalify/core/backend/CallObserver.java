package io.evalify.core.backend;

import java.time.Duration;

/** Told about every backend call, for latency metrics. */
@FunctionalInterface
public interface CallObserver {

    /** Observes nothing. */
    CallObserver NONE = (route, status, elapsed) -> {};

    /**
     * One finished call.
     *
     * @param route the route template, e.g. {@code GET /eval/quiz/{id}/student/{sid}}
     * @param status the HTTP status, or 0 when no answer came
     * @param elapsed how long the call took
     */
    void observe(String route, int status, Duration elapsed);
}
