package io.evalify.worker.lane;

import java.time.Duration;

/**
 * Settings of one {@link SlidingWindowConsumer}.
 *
 * @param maxInFlight records handled at once
 * @param commitInterval how often completed offsets are committed
 * @param drainTimeout how long a revoke or a shutdown waits for in-flight records
 * @param pollTimeout longest wait of one poll
 */
record WindowSettings(int maxInFlight, Duration commitInterval, Duration drainTimeout, Duration pollTimeout) {}
