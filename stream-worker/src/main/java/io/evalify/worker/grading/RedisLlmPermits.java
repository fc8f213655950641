package io.evalify.worker.grading;

import io.evalify.core.job.JobKeys;
import io.evalify.core.redis.LuaScripts;
import io.evalify.grading.RemoteCallException;
import io.evalify.grading.llm.LlmPermits;
import io.evalify.worker.metrics.WorkerMetrics;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The global LLM limit: at most {@code limit} calls in flight over every worker instance, held as leases in a
 * Redis sorted set. A 429 that survives the client library's own retries starts a global cool-down of its
 * {@code Retry-After}, so every worker backs off together instead of retrying hot. Each grading call runs on
 * its own virtual thread, so the holder id travels in a thread-local from acquire to release.
 */
class RedisLlmPermits implements LlmPermits {

    private static final Logger log = LoggerFactory.getLogger(RedisLlmPermits.class);
    private static final RedisScript<Long> ACQUIRE =
            LuaScripts.load("io/evalify/worker/grading/acquire-permit.lua", Long.class);
    private static final String HOLDERS = JobKeys.LLM_PERMITS;
    private static final String COOLDOWN = JobKeys.LLM_COOLDOWN;
    private static final Duration MIN_COOLDOWN = Duration.ofSeconds(1);

    private final StringRedisTemplate redis;
    private final int limit;
    private final Duration lease;
    private final WorkerMetrics metrics;
    private final ThreadLocal<Held> held = new ThreadLocal<>();

    /** A limit of {@code limit} permits; a permit not released within {@code lease} is reclaimed. */
    RedisLlmPermits(StringRedisTemplate redis, int limit, Duration lease, WorkerMetrics metrics) {
        this.redis = redis;
        this.limit = limit;
        this.lease = lease;
        this.metrics = metrics;
    }

    @Override
    public void acquire() throws InterruptedException {
        var holder = UUID.randomUUID().toString();
        while (true) {
            long answer = redis.execute(
                    ACQUIRE,
                    List.of(HOLDERS, COOLDOWN),
                    String.valueOf(lease.toMillis()),
                    String.valueOf(limit),
                    holder);
            if (answer == 1) {
                held.set(new Held(holder, System.nanoTime()));
                return;
            }
            long pause = answer < 0 ? -answer : 10 + ThreadLocalRandom.current().nextLong(20);
            Thread.sleep(pause);
        }
    }

    @Override
    public void failed(RemoteCallException error) {
        if (error.statusCode() == 429) {
            var wait = error.retryAfter() == null || error.retryAfter().compareTo(MIN_COOLDOWN) < 0
                    ? MIN_COOLDOWN
                    : error.retryAfter();
            redis.opsForValue().set(COOLDOWN, "429", wait);
            log.warn("LLM rate limit: every worker pauses LLM calls for {}", wait);
        }
        record("error_" + (error.statusCode() == 0 ? "none" : error.statusCode()));
    }

    @Override
    public void release() {
        var current = held.get();
        if (current == null) {
            return;
        }
        held.remove();
        if (current.outcome == null) {
            metrics.llmCall("ok", Duration.ofNanos(System.nanoTime() - current.startNanos));
        }
        redis.opsForZSet().remove(HOLDERS, current.holder);
    }

    private void record(String outcome) {
        var current = held.get();
        if (current != null && current.outcome == null) {
            current.outcome = outcome;
            metrics.llmCall(outcome, Duration.ofNanos(System.nanoTime() - current.startNanos));
        }
    }

    /** A permit held by the current thread. */
    private static final class Held {
        private final String holder;
        private final long startNanos;
        private String outcome;

        Held(String holder, long startNanos) {
            this.holder = holder;
            this.startNanos = startNanos;
        }
    }
}
