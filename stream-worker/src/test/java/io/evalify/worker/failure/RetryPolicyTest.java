package io.evalify.worker.failure;

import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.worker.config.WorkerProperties;
import io.evalify.worker.failure.FailureClassifier.Failure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private final RetryPolicy rqLike = new RetryPolicy(new WorkerProperties.Retry(
            List.of(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)), 0.2));

    @Test
    void shouldGiveFourAttemptsLikeRqRetryMaxThree() {
        assertThat(rqLike.maxAttempts()).isEqualTo(4);
        assertThat(rqLike.retryAt(3, retryable(null), NOW)).isNotNull();
        assertThat(rqLike.retryAt(4, retryable(null), NOW)).isNull();
    }

    @Test
    void shouldBackOffByTheIntervalOfTheAttemptWithinTheJitter() {
        for (int i = 0; i < 50; i++) {
            var delay = Duration.between(NOW, rqLike.retryAt(2, retryable(null), NOW));
            assertThat(delay).isBetween(Duration.ofSeconds(24), Duration.ofSeconds(36));
        }
    }

    @Test
    void shouldWaitAtLeastAsLongAsTheRemoteAsks() {
        var delay = Duration.between(NOW, rqLike.retryAt(1, retryable(Duration.ofSeconds(45)), NOW));
        assertThat(delay).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void shouldNeverRetryAFatalFailure() {
        assertThat(rqLike.retryAt(1, new Failure("BACKEND_NOT_FOUND", "404", Failure.Kind.FATAL, null), NOW))
                .isNull();
    }

    private static Failure retryable(Duration retryAfter) {
        return new Failure("BACKEND_HTTP_500", "boom", Failure.Kind.RETRYABLE, retryAfter);
    }
}
