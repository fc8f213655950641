package io.evalify.api.callback;

import io.evalify.api.config.ApiProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Whether a failed callback attempt is tried again, and when: the one place that decides. A receiver's refusal
 * (a 3xx, which is not followed, or a 4xx other than 408 and 429) is final; any other failure is retried after
 * {@code initial-backoff}, doubled each time up to {@code max-backoff}, less up to a fifth at random, and never
 * sooner than the receiver's {@code Retry-After}; after {@code max-attempts} the delivery is given up.
 */
final class CallbackRetryPolicy {

    private final ApiProperties.Callback settings;
    private final DoubleSupplier random;

    CallbackRetryPolicy(ApiProperties.Callback settings) {
        this(settings, () -> ThreadLocalRandom.current().nextDouble());
    }

    CallbackRetryPolicy(ApiProperties.Callback settings, DoubleSupplier random) {
        this.settings = settings;
        this.random = random;
    }

    /** What follows attempt number {@code attempt} (1-based) that ended in {@code response}, answered at {@code now}. */
    Decision after(int attempt, CallbackSender.Response response, Instant now) {
        if (response.delivered()) {
            return new Decision.Delivered();
        }
        if (!response.retryable() || attempt >= settings.maxAttempts()) {
            return new Decision.GiveUp();
        }
        return new Decision.RetryAt(now.plus(backoff(attempt, response.retryAfter())));
    }

    /** The wait after failed attempt {@code attempt}. */
    Duration backoff(int attempt, Duration retryAfter) {
        var doubled = settings.initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 30));
        var capped = doubled.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : doubled;
        var jittered = Duration.ofMillis(Math.round(capped.toMillis() * (1 - 0.2 * random.getAsDouble())));
        if (retryAfter != null && retryAfter.compareTo(jittered) > 0) {
            return retryAfter.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : retryAfter;
        }
        return jittered;
    }

    /** The outcome of one attempt for the delivery as a whole. */
    sealed interface Decision {

        /** The receiver has it. */
        record Delivered() implements Decision {}

        /** No further attempt: the dead end. */
        record GiveUp() implements Decision {}

        /**
         * Another attempt, not before {@code at}.
         *
         * @param at when the next attempt is due
         */
        record RetryAt(Instant at) implements Decision {}
    }
}
