package io.evalify.worker.lane;

/** Where a lane's poller stands, as its health reports it. */
public enum LaneState {
    /** Started, has not heard from the broker yet. */
    STARTING,
    /** Polls and commits. */
    RUNNING,
    /** A Kafka call failed; the poller backs off and tries again (with a new consumer if needed). */
    RECOVERING,
    /** The poller thread ended by an error no retry can help with (out of memory); only a restart helps. */
    DEAD,
    /** Stopped on purpose (shutdown). */
    STOPPED
}
