package io.evalify.core.job;

import static io.evalify.core.job.NewJobBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.core.testing.LocalRedis;
import io.evalify.schemas.job.JobStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The store's read-side additions for the job API: the per-quiz index, outcomes, and callback bookkeeping. */
class JobStoreQueriesTest {

    private final StringRedisTemplate redis = LocalRedis.shared().template();
    private final JobStore store = new JobStore(redis, JobRetention.DEFAULT, Clock.systemUTC());

    @Test
    void shouldListAQuizsJobsNewestFirst() {
        var now = java.time.Instant.now();
        var first = aJob().build();
        storeAt(now).create(first, null, null, false);
        var second = aJob().forQuiz(first.quizId()).build();
        storeAt(now.plusSeconds(1)).create(second, null, null, true);
        assertThat(store.jobIdsOfQuiz(first.quizId(), 0, 10)).containsExactly(second.jobId(), first.jobId());
        assertThat(store.jobIdsOfQuiz(first.quizId(), 1, 10)).containsExactly(first.jobId());
    }

    private JobStore storeAt(java.time.Instant instant) {
        return new JobStore(redis, JobRetention.DEFAULT, Clock.fixed(instant, java.time.ZoneOffset.UTC));
    }

    @Test
    void shouldExpireTheQuizIndexWithTheLongestRetention() {
        var job = aJob().build();
        store.create(job, null, null, false);
        var ttl = redis.getExpire(JobKeys.jobsOfQuiz(job.quizId()));
        assertThat(ttl)
                .isPositive()
                .isLessThanOrEqualTo(JobRetention.DEFAULT.failed().toSeconds());
    }

    @Test
    void shouldNotIndexARefusedJob() {
        var first = aJob().build();
        store.create(first, null, null, false);
        var refused = aJob().forQuiz(first.quizId()).withCallback("http://cb").build();
        store.create(refused, null, null, false);
        assertThat(store.jobIdsOfQuiz(first.quizId(), 0, 10)).containsExactly(first.jobId());
        assertThat(store.pendingCallbacks(10_000)).doesNotContain(refused.jobId());
    }

    @Test
    void shouldReportTheLastChange() {
        var job = aJob().withStudents(1).build();
        store.create(job, null, null, false);
        var created = store.updatedAt(job.jobId()).orElseThrow();
        store.recordOutcome(job.jobId(), "s1", TaskOutcome.SUCCEEDED, null);
        assertThat(store.updatedAt(job.jobId()).orElseThrow()).isAfterOrEqualTo(created);
        assertThat(store.updatedAt("no-such-job")).isEmpty();
    }

    @Test
    void shouldReadTheOutcomesOfSomeStudents() {
        var job = aJob().withStudents(3).build();
        store.create(job, null, null, false);
        store.recordOutcome(job.jobId(), "s1", TaskOutcome.SUCCEEDED, null);
        store.recordOutcome(job.jobId(), "s2", TaskOutcome.FAILED, "{}");
        assertThat(store.outcomesOf(job.jobId(), List.of("s1", "s2", "s3")))
                .containsOnlyKeys("s1", "s2")
                .containsEntry("s2", TaskOutcome.FAILED);
    }

    @Test
    void shouldQueueTheCallbackOfAJobThatAsksForOne() {
        var withCallback = aJob().withCallback("http://127.0.0.1:1/cb").build();
        var without = aJob().build();
        store.create(withCallback, null, null, false);
        store.create(without, null, null, false);
        assertThat(store.pendingCallbacks(10_000))
                .contains(withCallback.jobId())
                .doesNotContain(without.jobId());
    }

    @Test
    void shouldLetOnlyOneInstanceClaimACallbackUntilItsLeaseRunsOut() {
        var job = aJob().withCallback("http://127.0.0.1:1/cb").build();
        store.create(job, null, null, false);
        assertThat(store.claimCallback(job.jobId(), "a", Duration.ofMinutes(1))).isEqualTo("claimed");
        assertThat(store.claimCallback(job.jobId(), "b", Duration.ofMinutes(1))).isEqualTo("busy");
        redis.opsForHash().put(JobKeys.job(job.jobId()), "callback_lease_until", "1");
        assertThat(store.claimCallback(job.jobId(), "b", Duration.ofMinutes(1))).isEqualTo("claimed");
        assertThat(store.claimCallback("no-such-job", "b", Duration.ofMinutes(1)))
                .isEqualTo("missing");
    }

    @Test
    void shouldSettleACallbackOnceAndRearmItAfterARequeue() {
        var job = aJob().withStudents(1).withCallback("http://127.0.0.1:1/cb").build();
        store.create(job, null, null, false);
        store.recordOutcome(job.jobId(), "s1", TaskOutcome.FAILED, "{}");
        store.claimCallback(job.jobId(), "a", Duration.ofMinutes(1));
        store.settleCallback(job.jobId(), true, 1, null);

        assertThat(store.callbackStatus(job.jobId())).contains("delivered");
        assertThat(store.pendingCallbacks(10_000)).doesNotContain(job.jobId());
        assertThat(store.claimCallback(job.jobId(), "b", Duration.ofMinutes(1))).isEqualTo("done");

        store.requeueFailed(job.jobId());
        store.rearmCallback(job.jobId());
        assertThat(store.find(job.jobId()).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
        assertThat(store.callbackStatus(job.jobId())).isEmpty();
        assertThat(store.pendingCallbacks(10_000)).contains(job.jobId());
    }
}
