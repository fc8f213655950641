package io.evalify.worker.routing;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** When the router replaces a dead stream thread and when it gives up. */
class RouterThreadPolicyTest {

    private final SteppingClock clock = new SteppingClock();
    private final RuntimeException failure = new IllegalStateException("broker unreachable");

    @Test
    void shouldReplaceADeadThreadUpToTheLimitThenShutTheRouterDown() {
        var policy = new RouterThreadPolicy(3, Duration.ofMinutes(10), clock);

        assertThat(policy.handle(failure)).isEqualTo(REPLACE_THREAD);
        assertThat(policy.handle(failure)).isEqualTo(REPLACE_THREAD);
        assertThat(policy.handle(failure)).isEqualTo(REPLACE_THREAD);
        assertThat(policy.handle(failure)).isEqualTo(SHUTDOWN_CLIENT);
    }

    @Test
    void shouldForgetReplacementsOlderThanTheWindow() {
        var policy = new RouterThreadPolicy(2, Duration.ofMinutes(10), clock);
        policy.handle(failure);
        clock.advance(Duration.ofMinutes(6));
        policy.handle(failure);

        clock.advance(Duration.ofMinutes(5));

        assertThat(policy.handle(failure))
                .as("the first replacement is 11 minutes old")
                .isEqualTo(REPLACE_THREAD);
        assertThat(policy.handle(failure)).isEqualTo(SHUTDOWN_CLIENT);
    }

    @Test
    void shouldShutDownAtOnceWhenReplacementsAreSwitchedOff() {
        var policy = new RouterThreadPolicy(0, Duration.ofMinutes(10), clock);

        assertThat(policy.handle(failure)).isEqualTo(SHUTDOWN_CLIENT);
    }

    @Test
    void shouldRejectANegativeLimitOrAnEmptyWindow() {
        assertThatThrownBy(() -> new RouterThreadPolicy(-1, Duration.ofMinutes(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RouterThreadPolicy(1, Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A clock the test moves by hand. */
    private static final class SteppingClock extends Clock {

        private Instant now = Instant.parse("2026-11-30T08:00:00Z");

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
