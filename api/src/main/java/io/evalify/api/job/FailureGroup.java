package io.evalify.api.job;

import java.time.Instant;

/**
 * A job's failed students that share an error type.
 *
 * @param type the error type, e.g. {@code BACKEND_NOT_FOUND}
 * @param students how many students failed with it
 * @param firstFailureAt the earliest first failure among them, or null
 * @param lastFailureAt the latest last failure among them, or null
 */
public record FailureGroup(String type, int students, Instant firstFailureAt, Instant lastFailureAt) {

    /** Both groups as one (same type). */
    FailureGroup plus(FailureGroup other) {
        return new FailureGroup(
                type,
                students + other.students,
                earliest(firstFailureAt, other.firstFailureAt),
                latest(lastFailureAt, other.lastFailureAt));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
