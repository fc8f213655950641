package io.evalify.grading.judge0;

import java.time.Duration;

/**
 * Where Judge0 runs.
 *
 * @param baseUrl e.g. {@code http://localhost:2358}; {@code host:port} gets {@code http://} prefixed
 * @param timeout per submission (Judge0 runs with {@code wait=true}, so this covers compile and run)
 */
public record Judge0Config(String baseUrl, Duration timeout) {

    /** Default per-submission timeout, as the old evaluator used. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** Compact constructor: adds the scheme, drops trailing slashes, defaults the timeout. */
    public Judge0Config {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("Judge0 baseUrl is required");
        }
        baseUrl = withScheme(baseUrl.trim()).replaceAll("/+$", "");
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    private static String withScheme(String url) {
        return url.contains("://") ? url : "http://" + url;
    }
}
