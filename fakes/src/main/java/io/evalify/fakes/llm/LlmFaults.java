package io.evalify.fakes.llm;

import io.evalify.fakes.common.LatencyModel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runtime fault switches of {@link FakeLlm}. One draw per request decides among 429, 500, hang and
 * malformed output (rates are stacked, so together they should not exceed 1).
 */
public final class LlmFaults {

    /** What the draw picked for one request. */
    enum Fault {
        NONE,
        RATE_LIMIT,
        SERVER_ERROR,
        HANG,
        MALFORMED
    }

    private volatile LatencyModel latency = LatencyModel.none();
    private volatile double rateLimitRate;
    private volatile int retryAfterSeconds = 1;
    private volatile double serverErrorRate;
    private volatile double hangRate;
    private volatile Duration hang = Duration.ofMinutes(5);
    private volatile double malformedRate;
    private volatile List<MalformedKind> malformedKinds = List.of(MalformedKind.values());
    private final AtomicInteger malformedTurn = new AtomicInteger();

    /** Delay before every answer, drawn from {@code model} (lognormal mimics a real LLM). */
    public LlmFaults latency(LatencyModel model) {
        this.latency = model;
        return this;
    }

    /** Answer 429 with a {@code Retry-After} header with this probability. */
    public LlmFaults rateLimitRate(double rate) {
        this.rateLimitRate = check(rate);
        return this;
    }

    /** Seconds sent in {@code Retry-After} (default 1). */
    public LlmFaults retryAfterSeconds(int seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** Answer 500 with this probability. */
    public LlmFaults serverErrorRate(double rate) {
        this.serverErrorRate = check(rate);
        return this;
    }

    /** Sleep {@code duration} (longer than the client timeout) with probability {@code rate}. */
    public LlmFaults hang(double rate, Duration duration) {
        this.hangRate = check(rate);
        this.hang = duration;
        return this;
    }

    /** Return malformed content with this probability, cycling through all {@link MalformedKind}s. */
    public LlmFaults malformedRate(double rate) {
        this.malformedRate = check(rate);
        return this;
    }

    /** Restricts malformed output to these kinds. */
    public LlmFaults malformedKinds(MalformedKind... kinds) {
        if (kinds.length == 0) {
            throw new IllegalArgumentException("at least one kind");
        }
        this.malformedKinds = List.of(kinds);
        return this;
    }

    /** No latency and no faults. */
    public LlmFaults clear() {
        latency = LatencyModel.none();
        rateLimitRate = serverErrorRate = hangRate = malformedRate = 0;
        retryAfterSeconds = 1;
        malformedKinds = List.of(MalformedKind.values());
        return this;
    }

    LatencyModel latency() {
        return latency;
    }

    int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    Duration hangDuration() {
        return hang;
    }

    Fault draw() {
        double roll = ThreadLocalRandom.current().nextDouble();
        double edge = rateLimitRate;
        if (roll < edge) {
            return Fault.RATE_LIMIT;
        }
        if (roll < (edge += serverErrorRate)) {
            return Fault.SERVER_ERROR;
        }
        if (roll < (edge += hangRate)) {
            return Fault.HANG;
        }
        return roll < edge + malformedRate ? Fault.MALFORMED : Fault.NONE;
    }

    MalformedKind nextMalformedKind() {
        List<MalformedKind> kinds = malformedKinds;
        return kinds.get(Math.floorMod(malformedTurn.getAndIncrement(), kinds.size()));
    }

    private static double check(double rate) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("rate must be within [0, 1]: " + rate);
        }
        return rate;
    }
}
