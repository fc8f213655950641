package io.evalify.fakes.common;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runtime switches for one route (or one whole fake): latency, a 500 rate and a hang. Fields are
 * volatile so a test can flip them while requests are in flight; setters return {@code this}.
 */
public final class Faults {

    private volatile LatencyModel latency = LatencyModel.none();
    private volatile double error500Rate;
    private volatile double hangRate;
    private volatile Duration hang = Duration.ZERO;

    /** Delay every request by a draw from {@code model}. */
    public Faults latency(LatencyModel model) {
        this.latency = model;
        return this;
    }

    /** Delay every request by {@code millis}. */
    public Faults latencyMillis(long millis) {
        return latency(LatencyModel.fixed(millis));
    }

    /** Answer 500 with probability {@code rate} (0..1). */
    public Faults error500Rate(double rate) {
        this.error500Rate = checkRate(rate);
        return this;
    }

    /** Sleep {@code duration} before answering every request (longer than a client timeout to test it). */
    public Faults hang(Duration duration) {
        return hang(duration, 1.0);
    }

    /** Sleep {@code duration} before answering, with probability {@code rate}. */
    public Faults hang(Duration duration, double rate) {
        this.hang = duration;
        this.hangRate = checkRate(rate);
        return this;
    }

    /** Back to no latency, no errors, no hang. */
    public Faults clear() {
        latency = LatencyModel.none();
        error500Rate = 0;
        hangRate = 0;
        hang = Duration.ZERO;
        return this;
    }

    /** Sleeps for the hang (if it fires) and then the latency. */
    public void delay() throws InterruptedException {
        if (roll(hangRate)) {
            Thread.sleep(hang);
        }
        latency.pause();
    }

    /** True when this request should get an injected 500. */
    public boolean shouldFail() {
        return roll(error500Rate);
    }

    /** True with probability {@code rate}. */
    public static boolean roll(double rate) {
        return rate > 0 && (rate >= 1 || ThreadLocalRandom.current().nextDouble() < rate);
    }

    static double checkRate(double rate) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("rate must be within [0, 1]: " + rate);
        }
        return rate;
    }
}
