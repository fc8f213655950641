package io.evalify.cli.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Arrays;
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
 * percentiles instead of slowing the sender: no coordinated omission). Each request runs on a virtual thread.
 * Bounded three ways: the request count ({@code rate x duration}), a per-request timeout, and a cap on
 * requests in flight (a request over the cap is not sent and counts as an error). Only for 127.0.0.1.
 */
final class LoadGenerator {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final int MAX_IN_FLIGHT = 1_000;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(REQUEST_TIMEOUT)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    /**
     * What a load run measured.
     *
     * @param latencies latency of each answered request (2xx or not), from its due time
     * @param sent requests due
     * @param errors requests that failed: non-2xx, I/O error, time-out, or over the in-flight cap
     * @param elapsed from the first due time to the last answer
     */
    record Result(Percentiles latencies, long sent, long errors, Duration elapsed) {
        /** Requests answered per second over the run. */
        double achievedRate() {
            return (sent - errors) / Math.max(1e-9, elapsed.toNanos() / 1e9);
        }
    }

    /** Sends {@code GET url} (with {@code headers}) at {@code rate} per second for {@code duration}. */
    Result run(URI url, String[] headers, int rate, Duration duration) {
        requireLoopback(url);
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(REQUEST_TIMEOUT)
                .headers(headers)
                .GET()
                .build();
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
                        latencies.set(slot, send(request, due, errors));
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        return new Result(answered(latencies), count, errors.get(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** Sends one request; returns its latency from {@code due}, or -1 (and counts an error) when none came. */
    private long send(HttpRequest request, long due, AtomicLong errors) {
        try {
            int status = http.send(request, BodyHandlers.discarding()).statusCode();
            long latency = System.nanoTime() - due;
            if (status / 100 != 2) {
                errors.incrementAndGet();
            }
            return latency;
        } catch (IOException e) {
            errors.incrementAndGet();
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            errors.incrementAndGet();
            return -1;
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

    /** Parks most of the wait, then spins the last ~60 µs, about what a park overshoots by. */
    private static void parkUntil(long due) {
        long remaining;
        while ((remaining = due - System.nanoTime()) > 0) {
            if (remaining > 100_000) {
                LockSupport.parkNanos(remaining - 60_000);
            } else {
                Thread.onSpinWait();
            }
        }
    }

    private static void requireLoopback(URI url) {
        if (!"127.0.0.1".equals(url.getHost()) && !"localhost".equals(url.getHost())) {
            throw new IllegalArgumentException("the load generator only targets 127.0.0.1, not " + url.getHost());
        }
    }
}
