package io.evalify.grading.judge0;

import java.time.Duration;

/** Reads a numeric Retry-After header (seconds); other forms are ignored. */
final class RetryAfter {

    private RetryAfter() {}

    static Duration parse(String value) {
        String trimmed = value == null ? "" : value.trim();
        return trimmed.matches("\\d{1,6}") ? Duration.ofSeconds(Long.parseLong(trimmed)) : null;
    }
}
