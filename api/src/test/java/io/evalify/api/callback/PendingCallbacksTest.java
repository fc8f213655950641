package io.evalify.api.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.core.job.JobKeys;
import io.evalify.core.job.JobRetention;
import io.evalify.core.job.JobSnapshot;
import io.evalify.core.job.JobStore;
import io.evalify.core.job.NewJob;
import io.evalify.core.job.TaskOutcome;
import io.evalify.core.testing.LocalRedis;
import io.evalify.schemas.task.TaskLane;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which pending callbacks a poll finds due, over a real Redis of its own (no application context dispatches). */
class PendingCallbacksTest {

    private static LocalRedis redis;

    @BeforeAll
    static void startRedis() {
        redis = LocalRedis.startOwn();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    private static final Instant T0 = Instant.parse("2026-12-03T20:00:00Z");

    @Test
    void shouldOfferFinishedJobsFirstFinishedFirstAndNoRunningOnes() {
        var createdFirst = job(T0, T0.plusSeconds(20));
        var createdSecond = job(T0.plusSeconds(1), T0.plusSeconds(10));
        var running = job(T0.plusSeconds(2), null);

        var due = new PendingCallbacks(store(T0), 10_000)
                .due(Instant.now()).stream()
                        .map(JobSnapshot::jobId)
                        .filter(List.of(createdFirst, createdSecond, running)::contains)
                        .toList();

        assertThat(due).containsExactly(createdSecond, createdFirst);
    }

    @Test
    void shouldDropEntriesOfJobsThatHaveExpired() {
        var expired = job(T0, T0.plusSeconds(5));
        redis.template().delete(JobKeys.job(expired));
        var store = store(T0);

        new PendingCallbacks(store, 10_000).due(Instant.now());

        assertThat(store.pendingCallbacks(100_000)).doesNotContain(expired);
    }

    /** A job created at {@code created} with a callback, finished at {@code finished} (null: still running). */
    private static String job(Instant created, Instant finished) {
        var jobId = UUID.randomUUID().toString();
        store(created)
                .create(
                        new NewJob(
                                jobId,
                                "quiz-" + jobId,
                                List.of("s1"),
                                null,
                                false,
                                TaskLane.OBJECTIVE,
                                created.plus(Duration.ofDays(1)),
                                "https://hooks.example.edu/" + jobId),
                        null,
                        null,
                        false);
        if (finished != null) {
            store(finished).recordOutcome(jobId, "s1", TaskOutcome.SUCCEEDED, null);
        }
        return jobId;
    }

    private static JobStore store(Instant at) {
        return new JobStore(redis.template(), JobRetention.DEFAULT, Clock.fixed(at, ZoneOffset.UTC));
    }
}
