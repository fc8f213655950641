package io.evalify.worker.lane;

import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * The offsets of one partition that were polled but are not done yet. Tasks finish out of order; the
 * committable offset is the lowest one still pending (everything below it is done), or the next offset after
 * the highest seen when nothing is pending. Used by the poller thread only.
 */
final class OffsetTracker {

    private final TreeSet<Long> pending = new TreeSet<>();
    private long next = -1;
    private long committed = -1;

    /** A record was polled. */
    void add(long offset) {
        pending.add(offset);
        next = Math.max(next, offset + 1);
    }

    /** A record's effects are done. */
    void complete(long offset) {
        pending.remove(offset);
    }

    /** A record that was polled but not started is handed back (its partition was revoked). */
    void forget(long offset) {
        pending.remove(offset);
    }

    /** The offset to commit if it moved since the last commit. */
    OptionalLong toCommit() {
        if (next < 0) {
            return OptionalLong.empty();
        }
        long offset = pending.isEmpty() ? next : pending.first();
        return offset > committed ? OptionalLong.of(offset) : OptionalLong.empty();
    }

    /** Notes a successful commit. */
    void committed(long offset) {
        committed = Math.max(committed, offset);
    }

    /** Number of polled offsets not done. */
    int pendingCount() {
        return pending.size();
    }
}
