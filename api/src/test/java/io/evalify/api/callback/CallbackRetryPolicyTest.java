package io.evalify.api.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.api.config.ApiProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallbackRetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-03T22:00:00Z");
    private static final CallbackSender.Response SERVER_ERROR =
            new CallbackSender.Response(true, false, true, "HTTP 503", null);

    private final ApiProperties.Callback settings = new ApiProperties.Callback(
            Duration.ofSeconds(2),
            4,
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            Duration.ofSeconds(10),
            Duration.ofMinutes(5),
            10_000,
            List.of(),
            List.of());

    @Test
    void shouldDoubleTheWaitUpToTheLongestWithoutJitter() {
        var policy = new CallbackRetryPolicy(settings, () -> 0.0);
        assertThat(List.of(1, 2, 3, 4, 5).stream().map(n -> policy.backoff(n, null)))
                .containsExactly(
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(30));
    }

    @Test
    void shouldTakeAtMostAFifthOffAtRandom() {
        assertThat(new CallbackRetryPolicy(settings, () -> 0.999).backoff(2, null))
                .isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
    }

    @Test
    void shouldWaitAtLeastTheReceiversRetryAfterButNoLongerThanTheLongest() {
        var policy = new CallbackRetryPolicy(settings, () -> 0.0);
        assertThat(policy.backoff(1, Duration.ofSeconds(12))).isEqualTo(Duration.ofSeconds(12));
        assertThat(policy.backoff(1, Duration.ofHours(2))).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.backoff(3, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void shouldRetryAFailureUntilTheLastAttemptAndThenGiveUp() {
        var policy = new CallbackRetryPolicy(settings, () -> 0.0);
        assertThat(policy.after(1, SERVER_ERROR, NOW))
                .isEqualTo(new CallbackRetryPolicy.Decision.RetryAt(NOW.plusSeconds(5)));
        assertThat(policy.after(4, SERVER_ERROR, NOW)).isInstanceOf(CallbackRetryPolicy.Decision.GiveUp.class);
    }

    @Test
    void shouldNeverRetryARefusal() {
        var policy = new CallbackRetryPolicy(settings, () -> 0.0);
        var gone = new CallbackSender.Response(true, false, false, "HTTP 410", null);
        assertThat(policy.after(1, gone, NOW)).isInstanceOf(CallbackRetryPolicy.Decision.GiveUp.class);
        var delivered = new CallbackSender.Response(true, true, false, null, null);
        assertThat(policy.after(4, delivered, NOW)).isInstanceOf(CallbackRetryPolicy.Decision.Delivered.class);
    }
}
