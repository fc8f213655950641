package io.evalify.api;

import io.evalify.api.config.ApiProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.util.unit.DataSize;

/** {@link ApiProperties} for tests that build services by hand. */
public final class TestProperties {

    /** The one host these settings let callbacks go to (on port 80 only, unless a test lists its own port). */
    public static final String CALLBACK_HOST = "127.0.0.1";

    /** The callback secret these settings use: Standard Webhooks form, 32 bytes. */
    public static final String CALLBACK_SECRET = "whsec_Y2FsbGJhY2stdGVzdC1zZWNyZXQtb2YtMzItYnl0ZXM=";

    private TestProperties() {}

    /** Defaults, with at most {@code maxStudents} per job. */
    public static ApiProperties withMaxStudents(int maxStudents) {
        return with(maxStudents, fastCallbacks(5));
    }

    /** Defaults, with callbacks retried {@code attempts} times 20 ms apart (doubling). */
    public static ApiProperties withCallbackAttempts(int attempts) {
        return with(100, fastCallbacks(attempts));
    }

    /** Defaults, with callbacks allowed only to {@code hosts}. */
    public static ApiProperties withCallbackHosts(List<String> hosts) {
        return with(100, fastCallbacks(5, hosts));
    }

    /**
     * Callbacks to {@code hosts}, tried {@code attempts} times {@code backoff} apart (doubling, at most 1 s), looking
     * at {@code scanLimit} pending ones per poll, signed also with the retiring {@code previousSecrets}.
     */
    public static ApiProperties withCallbacks(
            List<String> hosts, int attempts, Duration backoff, int scanLimit, List<String> previousSecrets) {
        return with(
                100,
                new ApiProperties.Callback(
                        Duration.ofMillis(50),
                        attempts,
                        backoff,
                        backoff.compareTo(Duration.ofSeconds(1)) > 0 ? backoff : Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofMinutes(1),
                        scanLimit,
                        hosts,
                        previousSecrets));
    }

    /** Defaults, with the primary key {@code primary} and the named {@code keys}. */
    public static ApiProperties withApiKeys(String primary, Map<String, String> keys) {
        return with(primary, keys, 100, fastCallbacks(5));
    }

    private static ApiProperties.Callback fastCallbacks(int attempts) {
        return fastCallbacks(attempts, List.of(CALLBACK_HOST));
    }

    private static ApiProperties.Callback fastCallbacks(int attempts, List<String> hosts) {
        return new ApiProperties.Callback(
                Duration.ofMillis(50),
                attempts,
                Duration.ofMillis(20),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                Duration.ofMinutes(1),
                10_000,
                hosts,
                List.of());
    }

    private static ApiProperties with(int maxStudents, ApiProperties.Callback callback) {
        return with("k", Map.of(), maxStudents, callback);
    }

    private static ApiProperties with(
            String apiKey, Map<String, String> apiKeys, int maxStudents, ApiProperties.Callback callback) {
        return new ApiProperties(
                apiKey,
                apiKeys,
                "API_KEY",
                maxStudents,
                DataSize.ofMegabytes(2),
                Duration.ofHours(1),
                Duration.ofSeconds(5),
                Duration.ofMinutes(2),
                CALLBACK_SECRET,
                new ApiProperties.Events(Duration.ofMillis(500), Duration.ofSeconds(15), Duration.ofMinutes(30), 10),
                callback,
                Duration.ZERO,
                new ApiProperties.Dashboard(
                        Duration.ofMinutes(30),
                        Duration.ofHours(12),
                        "evalify-worker",
                        "evalify-worker-router",
                        Duration.ofSeconds(3)));
    }
}
