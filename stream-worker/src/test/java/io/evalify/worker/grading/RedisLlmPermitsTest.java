package io.evalify.worker.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.evalify.core.testing.LocalRedis;
import io.evalify.grading.RemoteCallException;
import io.evalify.worker.metrics.WorkerMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The global LLM limit on a real redis-server: shared by every instance, with a shared 429 cool-down. */
class RedisLlmPermitsTest {

    private final WorkerMetrics metrics = new WorkerMetrics(new SimpleMeterRegistry());

    @BeforeEach
    void clearLimiterKeys() {
        LocalRedis.shared().template().delete(java.util.List.of("evalify:llm:permits", "evalify:llm:cooldown"));
    }

    @Test
    void shouldNeverLetTwoInstancesTogetherExceedTheLimit() throws Exception {
        var first = new RedisLlmPermits(LocalRedis.shared().template(), 3, Duration.ofMinutes(1), metrics);
        var second = new RedisLlmPermits(LocalRedis.shared().template(), 3, Duration.ofMinutes(1), metrics);
        var running = new AtomicInteger();
        var peak = new AtomicInteger();
        var unfinished = new AtomicInteger(24);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 24; i++) {
                var permits = i % 2 == 0 ? first : second;
                pool.submit(() -> {
                    permits.acquire();
                    try {
                        peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                        // Hold the permit until every permit that can be taken is taken, so the peak is reached.
                        await().atMost(Duration.ofSeconds(30))
                                .until(() -> running.get() >= Math.min(3, unfinished.get()));
                    } finally {
                        running.decrementAndGet();
                        unfinished.decrementAndGet();
                        permits.release();
                    }
                    return null;
                });
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(peak.get()).isEqualTo(3);
    }

    @Test
    void shouldReclaimThePermitOfAHolderThatDiedWithoutReleasingIt() throws Exception {
        var crashed = new RedisLlmPermits(LocalRedis.shared().template(), 1, Duration.ofMillis(200), metrics);
        var survivor = new RedisLlmPermits(LocalRedis.shared().template(), 1, Duration.ofMillis(200), metrics);
        Thread.ofVirtual()
                .start(() -> {
                    try {
                        crashed.acquire();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })
                .join();

        var acquired = Thread.ofVirtual().start(() -> {
            try {
                survivor.acquire();
                survivor.release();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        acquired.join(Duration.ofSeconds(10));
        assertThat(acquired.isAlive()).as("waiting for the dead holder's lease").isFalse();
    }

    @Test
    void shouldPauseEveryInstanceAfterARateLimitThatOutlivedTheClientRetries() throws Exception {
        var permits = new RedisLlmPermits(LocalRedis.shared().template(), 10, Duration.ofMinutes(1), metrics);
        permits.acquire();
        permits.failed(new RemoteCallException("llm", 429, true, Duration.ofSeconds(2), "rate limited", null));
        permits.release();

        var ttl = LocalRedis.shared().template().getExpire("evalify:llm:cooldown", TimeUnit.MILLISECONDS);
        assertThat(ttl).isBetween(1_000L, 2_000L);
        var other = new RedisLlmPermits(LocalRedis.shared().template(), 10, Duration.ofMinutes(1), metrics);
        long start = System.nanoTime();
        other.acquire();
        other.release();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(900));
    }
}
