package io.evalify.core.replay;

import java.time.Instant;

/**
 * A range of records to publish again. Exactly one of {@code fromOffset} / {@code fromTime} is set; the end
 * is optional (default: the end of each partition at the moment the replay starts).
 *
 * @param topic the task topic, a lane topic or the dead-letter topic
 * @param partition one partition, or null for all
 * @param fromOffset first offset (inclusive)
 * @param fromTime first record time (inclusive)
 * @param toOffset last offset (inclusive), or null
 * @param toTime last record time (inclusive), or null
 * @param jobId replay only this job's tasks, or null for all
 */
public record ReplayRequest(
        String topic,
        Integer partition,
        Long fromOffset,
        Instant fromTime,
        Long toOffset,
        Instant toTime,
        String jobId) {

    /** Compact constructor: checks that the range has exactly one start. */
    public ReplayRequest {
        if ((fromOffset == null) == (fromTime == null)) {
            throw new IllegalArgumentException("give exactly one of fromOffset and fromTime");
        }
        if (toOffset != null && toTime != null) {
            throw new IllegalArgumentException("give at most one of toOffset and toTime");
        }
    }
}
