package io.evalify.core.job;

import static io.evalify.core.job.NewJobBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.evalify.core.testing.LocalRedis;
import io.evalify.schemas.job.JobStatus;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JobStoreTest {

    private final JobStore store =
            new JobStore(LocalRedis.shared().template(), JobRetention.DEFAULT, Clock.systemUTC());

    @Test
    void shouldCreateQueuedJobWithZeroCounts() {
        var job = aJob().withStudents(3).build();
        assertThat(store.create(job, null, null, false)).isEqualTo(new CreateResult.Created(job.jobId()));
        var snapshot = store.find(job.jobId()).orElseThrow();
        assertThat(snapshot.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(snapshot.total()).isEqualTo(3);
        assertThat(snapshot.processed()).isZero();
    }

    @Test
    void shouldCompleteAJobWithoutStudentsAtOnce() {
        var job = aJob().withStudents(0).build();
        store.create(job, null, null, false);
        var snapshot = store.find(job.jobId()).orElseThrow();
        assertThat(snapshot.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(snapshot.finishedAt()).isNotNull();
        assertThat(snapshot.toResponse(java.time.Instant.now()).percent()).isEqualTo(100.0);
    }

    @Test
    void shouldRefuseASecondActiveJobForTheSameQuizUnlessForced() {
        var first = aJob().build();
        store.create(first, null, null, false);
        var second = aJob().forQuiz(first.quizId()).build();
        assertThat(store.create(second, null, null, false)).isEqualTo(new CreateResult.Conflict(first.jobId()));
        assertThat(store.create(second, null, null, true)).isInstanceOf(CreateResult.Created.class);
    }

    @Test
    void shouldReturnTheOriginalJobForARepeatedIdempotencyKey() {
        var key = "idem-" + java.util.UUID.randomUUID();
        var first = aJob().build();
        store.create(first, new IdempotencyRecord(first.jobId(), "h1"), key, false);
        var repeat = store.create(aJob().build(), new IdempotencyRecord("other", "h2"), key, false);
        assertThat(repeat).isEqualTo(new CreateResult.Duplicate(new IdempotencyRecord(first.jobId(), "h1")));
    }

    @Test
    void shouldCountEachStudentOnceWhenTaskIsRedelivered() {
        var job = aJob().withStudents(2).build();
        store.create(job, null, null, false);
        store.markRunning(job.jobId());
        store.recordOutcome(job.jobId(), "s1", TaskOutcome.SUCCEEDED, null);
        var repeat = store.recordOutcome(job.jobId(), "s1", TaskOutcome.SUCCEEDED, null);
        assertThat(repeat.kind()).isEqualTo(OutcomeResult.Kind.DUPLICATE);
        assertThat(store.find(job.jobId()).orElseThrow().succeeded()).isEqualTo(1);
    }

    @Test
    void shouldCompleteExactlyOnceWhenStudentsFinishConcurrently() throws Exception {
        var job = aJob().withStudents(200).build();
        store.create(job, null, null, false);
        store.markRunning(job.jobId());
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var results = IntStream.rangeClosed(1, 200)
                    .mapToObj(i ->
                            pool.submit(() -> store.recordOutcome(job.jobId(), "s" + i, TaskOutcome.SUCCEEDED, null)))
                    .toList();
            long completions = 0;
            for (var r : results) {
                completions += r.get().kind() == OutcomeResult.Kind.COMPLETED ? 1 : 0;
            }
            assertThat(completions).isEqualTo(1);
        }
        var snapshot = store.find(job.jobId()).orElseThrow();
        assertThat(snapshot.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(snapshot.succeeded()).isEqualTo(200);
    }

    @Test
    void shouldEndWithErrorsAndListTheFailedStudents() {
        var job = aJob().withStudents(2).build();
        store.create(job, null, null, false);
        store.recordOutcome(job.jobId(), "s1", TaskOutcome.SUCCEEDED, null);
        store.recordOutcome(job.jobId(), "s2", TaskOutcome.FAILED, "{\"reason\":\"404\"}");
        assertThat(store.find(job.jobId()).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED_WITH_ERRORS);
        assertThat(store.failures(job.jobId())).containsEntry("s2", "{\"reason\":\"404\"}");
    }

    @Test
    void shouldMoveCountersBackOnRequeueAndCompleteWhenTheRetrySucceeds() {
        var job = aJob().withStudents(2).build();
        store.create(job, null, null, false);
        store.recordOutcome(job.jobId(), "s1", TaskOutcome.SUCCEEDED, null);
        store.recordOutcome(job.jobId(), "s2", TaskOutcome.FAILED, "{\"reason\":\"404\"}");

        assertThat(store.requeueFailed(job.jobId())).containsExactly("{\"reason\":\"404\"}");
        var reopened = store.find(job.jobId()).orElseThrow();
        assertThat(reopened.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(reopened.failed()).isZero();
        assertThat(reopened.processed()).isEqualTo(1);

        store.recordOutcome(job.jobId(), "s2", TaskOutcome.SUCCEEDED, null);
        var done = store.find(job.jobId()).orElseThrow();
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(store.failures(job.jobId())).isEmpty();
    }

    @Test
    void shouldReopenOnlyTheOneStudentAskedFor() {
        var job = aJob().withStudents(3).build();
        store.create(job, null, null, false);
        store.recordOutcome(job.jobId(), "s1", TaskOutcome.SUCCEEDED, null);
        store.recordOutcome(job.jobId(), "s2", TaskOutcome.FAILED, "{\"reason\":\"s2\"}");
        store.recordOutcome(job.jobId(), "s3", TaskOutcome.FAILED, "{\"reason\":\"s3\"}");

        assertThat(store.requeueFailed(job.jobId(), "s3")).containsExactly("{\"reason\":\"s3\"}");
        var reopened = store.find(job.jobId()).orElseThrow();
        assertThat(reopened.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(reopened.failed()).isEqualTo(1);
        assertThat(store.outcomeOf(job.jobId(), "s2")).contains(TaskOutcome.FAILED);
        assertThat(store.outcomeOf(job.jobId(), "s3")).isEmpty();
        assertThat(store.requeueFailed(job.jobId(), "s1")).isEmpty();
        assertThat(store.requeueFailed(job.jobId(), "nobody")).isEmpty();
    }

    @Test
    void shouldTreatARequeueOfAJobWithoutFailuresAsANoOpWhateverItsStatus() {
        var job = aJob().withStudents(1).build();
        store.create(job, null, null, false);
        store.recordOutcome(job.jobId(), "s1", TaskOutcome.SUCCEEDED, null);

        assertThat(store.requeueFailed(job.jobId())).isEmpty();
        assertThat(store.find(job.jobId()).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void shouldNotLetAReplayedFailureUndoASuccess() {
        var job = aJob().withStudents(1).build();
        store.create(job, null, null, false);
        store.recordOutcome(job.jobId(), "s1", TaskOutcome.SUCCEEDED, null);
        store.recordOutcome(job.jobId(), "s1", TaskOutcome.FAILED, "{}");
        var snapshot = store.find(job.jobId()).orElseThrow();
        assertThat(snapshot.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(snapshot.failed()).isZero();
    }

    @Test
    void shouldEndCancelledWhenEveryTaskOfACancellingJobIsAccountedFor() {
        var job = aJob().withStudents(2).build();
        store.create(job, null, null, false);
        store.recordOutcome(job.jobId(), "s1", TaskOutcome.SUCCEEDED, null);
        store.transition(job.jobId(), JobStatus.CANCELLING, null);
        store.recordOutcome(job.jobId(), "s2", TaskOutcome.CANCELLED, null);
        var snapshot = store.find(job.jobId()).orElseThrow();
        assertThat(snapshot.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(snapshot.cancelled()).isEqualTo(1);
    }

    @Test
    void shouldRefuseToCancelACompletedJob() {
        var job = aJob().withStudents(1).build();
        store.create(job, null, null, false);
        store.recordOutcome(job.jobId(), "s1", TaskOutcome.SUCCEEDED, null);
        assertThatThrownBy(() -> store.transition(job.jobId(), JobStatus.CANCELLING, null))
                .isInstanceOf(IllegalJobStateChangeException.class);
    }

    @Test
    void shouldReleaseTheQuizWhenTheJobEnds() {
        var first = aJob().withStudents(1).build();
        store.create(first, null, null, false);
        store.recordOutcome(first.jobId(), "s1", TaskOutcome.SUCCEEDED, null);
        var next = aJob().forQuiz(first.quizId()).build();
        assertThat(store.create(next, null, null, false)).isInstanceOf(CreateResult.Created.class);
    }

    @Test
    void shouldFailAQueuedJobWithItsReason() {
        var job = aJob().build();
        store.create(job, null, null, false);
        store.transition(job.jobId(), JobStatus.FAILED, "could not publish tasks");
        var snapshot = store.find(job.jobId()).orElseThrow();
        assertThat(snapshot.status()).isEqualTo(JobStatus.FAILED);
        assertThat(snapshot.error()).isEqualTo("could not publish tasks");
        assertThat(snapshot.finishedAt()).isNotNull();
    }
}
