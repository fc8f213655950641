package io.evalify.worker.lane;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lane's state as its poller thread sets it and health reads it: written by one thread, read by any. Logs one
 * line per change of state, not one per failed try, so a long outage does not flood the log.
 */
final class LaneStatus {

    private static final Logger log = LoggerFactory.getLogger(LaneStatus.class);

    private final String lane;
    private final Clock clock;
    private volatile Snapshot snapshot;

    /**
     * What health shows of a lane.
     *
     * @param state where the poller stands
     * @param since when it entered that state
     * @param lastContact last time the broker answered the lane (records polled, a commit or a probe), or null
     * @param lag records of the lane's assigned partitions not yet fetched, as the client last saw it (-1: unknown)
     * @param lastError the error that made it leave {@link LaneState#RUNNING}, or null
     */
    record Snapshot(LaneState state, Instant since, Instant lastContact, long lag, String lastError) {

        /** How long it has been in its state at {@code now}. */
        Duration age(Instant now) {
            return Duration.between(since, now);
        }
    }

    LaneStatus(String lane, Clock clock) {
        this.lane = lane;
        this.clock = clock;
        this.snapshot = new Snapshot(LaneState.STARTING, clock.instant(), null, -1, null);
    }

    /** The current state. */
    Snapshot snapshot() {
        return snapshot;
    }

    /** The broker answered: the lane runs. */
    void contact() {
        var now = clock.instant();
        var current = snapshot;
        if (current.state() != LaneState.RUNNING) {
            log.info("{}: running (was {} for {})", lane, current.state(), current.age(now));
            snapshot = new Snapshot(LaneState.RUNNING, now, now, current.lag(), null);
        } else {
            snapshot = new Snapshot(LaneState.RUNNING, current.since(), now, current.lag(), null);
        }
    }

    /** A Kafka call failed; logs the cause once, on the way from running (or starting) to recovering. */
    void recovering(Throwable cause) {
        var current = snapshot;
        if (current.state() == LaneState.RECOVERING) {
            log.debug("{}: still recovering", lane, cause);
            return;
        }
        log.warn("{}: cannot reach Kafka, backing off and retrying: {}", lane, describe(cause));
        snapshot = new Snapshot(
                LaneState.RECOVERING, clock.instant(), current.lastContact(), current.lag(), describe(cause));
    }

    /** The poller thread ends for good. */
    void dead(Throwable cause) {
        log.error("{}: poller died; only a restart brings this lane back", lane, cause);
        var current = snapshot;
        snapshot = new Snapshot(LaneState.DEAD, clock.instant(), current.lastContact(), current.lag(), describe(cause));
    }

    /** The lane was stopped on purpose. */
    void stopped() {
        var current = snapshot;
        snapshot = new Snapshot(LaneState.STOPPED, clock.instant(), current.lastContact(), current.lag(), null);
    }

    /** The lag the client reports for the lane's assigned partitions. */
    void lag(long lag) {
        var current = snapshot;
        snapshot = new Snapshot(current.state(), current.since(), current.lastContact(), lag, current.lastError());
    }

    private static String describe(Throwable cause) {
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
