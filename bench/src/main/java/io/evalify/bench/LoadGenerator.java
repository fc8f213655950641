package io.evalify.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop HTTP load generator: request {@code i} is due at {@code start + i / rate}, whether or not
 * earlier ones have answered, and its latency counts from that due time (so a stalled server shows up in the
 * percentiles instead of slowing the sender: no coordinated omission). Each request runs on a virtual thread
 * over a pooled keep-alive connection, as a crowd of polling browsers would hold them; a request that finds
 * no idle connection opens one. Bounded three ways: the request count ({@code rate x duration}), a
 * per-request timeout, and a cap on requests in flight (a request over the cap is not sent and counts as an
 * error). Only for 127.0.0.1.
 */
final class LoadGenerator implements AutoCloseable {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final int MAX_IN_FLIGHT = 1_000;
    private static final int RAMP_STEPS = 10;

    private final Deque<KeepAliveConnection> idle = new ConcurrentLinkedDeque<>();
    private final AtomicLong opened = new AtomicLong();

    /**
     * What a load run measured.
     *
     * @param latencies latency of each answered request (2xx or not), from its due time
     * @param sent requests due
     * @param errors requests that failed: non-2xx, I/O error, time-out, or over the in-flight cap
     * @param elapsed from the first due time to the last answer
     * @param connectionsOpened connections this generator had opened by the end of the run, warm-up included
     */
    record Result(Percentiles latencies, long sent, long errors, Duration elapsed, long connectionsOpened) {
        /** Requests answered per second over the run. */
        double achievedRate() {
            return (sent - errors) / Math.max(1e-9, elapsed.toNanos() / 1e9);
        }
    }

    /** Sends {@code GET url} (with {@code headers}, name/value pairs) at {@code rate} per second for {@code duration}. */
    Result run(URI url, String[] headers, int rate, Duration duration) {
        requireLoopback(url);
        byte[] request = KeepAliveConnection.getRequest(url, headers);
        int count = Math.toIntExact(rate * duration.toMillis() / 1000);
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        AtomicLongArray latencies = new AtomicLongArray(count);
        AtomicLong errors = new AtomicLong();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                long due = start + i * periodNanos;
                parkUntil(due);
                if (!inFlight.tryAcquire()) {
                    errors.incrementAndGet();
                    latencies.set(i, -1);
                    continue;
                }
                int slot = i;
                threads.execute(() -> {
                    try {
                        latencies.set(slot, send(url, request, due, errors));
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        return new Result(
                answered(latencies), count, errors.get(), Duration.ofNanos(System.nanoTime() - start), opened.get());
    }

    /**
     * Ramps from a tenth of {@code rate} up to {@code rate} in ten equal steps over {@code ramp}, then holds
     * {@code rate} for {@code hold}; answers not counted. A freshly started JVM serves its first requests from
     * the interpreter and settles its JIT and heap over the first tens of seconds under load: a cold burst at
     * full rate measures that, not the service (as load balancers' slow-start modes know).
     */
    void warmUp(URI url, String[] headers, int rate, Duration ramp, Duration hold) {
        Duration step = ramp.dividedBy(RAMP_STEPS);
        for (int i = 1; i <= RAMP_STEPS; i++) {
            run(url, headers, Math.max(1, rate * i / RAMP_STEPS), step);
        }
        run(url, headers, rate, hold);
    }

    /** Closes the pooled connections. */
    @Override
    public void close() {
        KeepAliveConnection connection;
        while ((connection = idle.pollFirst()) != null) {
            connection.close();
        }
    }

    /** Sends one request; returns its latency from {@code due}, or -1 (and counts an error) when none came. */
    private long send(URI url, byte[] request, long due, AtomicLong errors) {
        KeepAliveConnection pooled = idle.pollFirst();
        if (pooled != null) {
            try {
                return completed(pooled, pooled.exchange(request), due, errors);
            } catch (KeepAliveConnection.ClosedByServerException e) {
                pooled.close(); // idled out on the server: send again on a new connection
            } catch (IOException | RuntimeException e) {
                return failed(pooled, errors);
            }
        }
        KeepAliveConnection fresh = null;
        try {
            fresh = KeepAliveConnection.open(url, REQUEST_TIMEOUT);
            opened.incrementAndGet();
            return completed(fresh, fresh.exchange(request), due, errors);
        } catch (IOException | RuntimeException e) {
            return failed(fresh, errors);
        }
    }

    private long completed(KeepAliveConnection connection, int status, long due, AtomicLong errors) {
        long latency = System.nanoTime() - due;
        if (status / 100 != 2) {
            errors.incrementAndGet();
        }
        release(connection);
        return latency;
    }

    private static long failed(KeepAliveConnection connection, AtomicLong errors) {
        if (connection != null) {
            connection.close();
        }
        errors.incrementAndGet();
        return -1;
    }

    /** Most recently used first, so a steady rate keeps reusing the same few connections. */
    private void release(KeepAliveConnection connection) {
        if (connection.reusable()) {
            idle.offerFirst(connection);
        } else {
            connection.close();
        }
    }

    private static Percentiles answered(AtomicLongArray latencies) {
        long[] all = new long[latencies.length()];
        int n = 0;
        for (int i = 0; i < latencies.length(); i++) {
            if (latencies.get(i) >= 0) {
                all[n++] = latencies.get(i);
            }
        }
        return Percentiles.of(Arrays.copyOf(all, n));
    }

    /**
     * Parks until {@code due}. No spinning: at 2,000 requests/s spinning the last microseconds of each wait
     * cost a tenth of a core that the server under test needs on 2 cores. A late wake-up is not hidden: each
     * latency counts from its due time.
     */
    private static void parkUntil(long due) {
        long remaining;
        while ((remaining = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
        }
    }

    private static void requireLoopback(URI url) {
        if (!"127.0.0.1".equals(url.getHost()) && !"localhost".equals(url.getHost())) {
            throw new IllegalArgumentException("the load generator only targets 127.0.0.1, not " + url.getHost());
        }
    }
}
