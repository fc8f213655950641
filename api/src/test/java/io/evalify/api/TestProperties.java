package io.evalify.api;

import io.evalify.api.config.ApiProperties;
import java.time.Duration;
import org.springframework.util.unit.DataSize;

/** {@link ApiProperties} for tests that build services by hand. */
public final class TestProperties {

    /** The callback secret these settings use. */
    public static final String CALLBACK_SECRET = "callback-test-secret";

    private TestProperties() {}

    /** Defaults, with at most {@code maxStudents} per job. */
    public static ApiProperties withMaxStudents(int maxStudents) {
        return with(maxStudents, fastCallbacks(5));
    }

    /** Defaults, with callbacks retried {@code attempts} times 20 ms apart (doubling). */
    public static ApiProperties withCallbackAttempts(int attempts) {
        return with(100, fastCallbacks(attempts));
    }

    private static ApiProperties.Callback fastCallbacks(int attempts) {
        return new ApiProperties.Callback(
                Duration.ofMillis(50), attempts, Duration.ofMillis(20), Duration.ofSeconds(2), Duration.ofMinutes(1));
    }

    private static ApiProperties with(int maxStudents, ApiProperties.Callback callback) {
        return new ApiProperties(
                "k",
                "API_KEY",
                maxStudents,
                DataSize.ofMegabytes(2),
                Duration.ofHours(1),
                Duration.ofSeconds(5),
                Duration.ofMinutes(2),
                CALLBACK_SECRET,
                new ApiProperties.Events(Duration.ofMillis(500), Duration.ofSeconds(15), Duration.ofMinutes(30), 10),
                callback,
                Duration.ZERO);
    }
}
