package io.evalify.api.job;

import static io.evalify.api.job.Failures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import io.evalify.api.TestProperties;
import io.evalify.api.web.ApiProblem;
import io.evalify.core.job.JobRetention;
import io.evalify.core.job.JobStore;
import io.evalify.core.job.NewJob;
import io.evalify.core.job.TaskOutcome;
import io.evalify.core.testing.LocalRedis;
import io.evalify.schemas.job.JobStatus;
import io.evalify.schemas.task.TaskLane;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Requeue against a real Redis: a requeue whose publishing fails leaves the job as it was, so it can be repeated. */
class FailureServiceTest {

    private final JobStore jobs = new JobStore(LocalRedis.shared().template(), JobRetention.DEFAULT, Clock.systemUTC());
    private final TaskPublisher publisher = mock(TaskPublisher.class);
    private final FailureService service =
            new FailureService(jobs, publisher, TestProperties.withMaxStudents(10), Clock.systemUTC());

    @Test
    void shouldLeaveTheJobFailedAndRepeatableWhenTheBrokerRefusesTheRequeue() {
        var jobId = jobWithOneSuccessAndOneFailure();
        doThrow(new TaskPublisher.PublishException("down", null))
                .when(publisher)
                .publishAll(anyList(), any());

        assertThatThrownBy(() -> service.retryFailed(jobId)).isInstanceOf(ApiProblem.class);
        var after = jobs.find(jobId).orElseThrow();
        assertThat(after.status()).isEqualTo(JobStatus.COMPLETED_WITH_ERRORS);
        assertThat(after.failed()).isEqualTo(1);
        assertThat(jobs.failures(jobId)).containsKey("s2");

        doNothing().when(publisher).publishAll(anyList(), any());
        assertThat(service.retryFailed(jobId)).isEqualTo(1);
        assertThat(jobs.find(jobId).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
        assertThat(service.failures(jobId, 0, 10).failures())
                .singleElement()
                .satisfies(f -> assertThat(f.state()).isEqualTo(FailureView.RETRYING));
    }

    @Test
    void shouldCompleteTheJobWhenTheRequeuedStudentSucceeds() {
        var jobId = jobWithOneSuccessAndOneFailure();
        service.retryFailed(jobId);
        jobs.recordOutcome(jobId, "s2", TaskOutcome.SUCCEEDED, null);
        assertThat(jobs.find(jobId).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(service.failures(jobId, 0, 10).total()).isZero();
    }

    private String jobWithOneSuccessAndOneFailure() {
        var jobId = UUID.randomUUID().toString();
        var job = new NewJob(
                jobId,
                "quiz-" + jobId,
                List.of("s1", "s2"),
                null,
                false,
                TaskLane.OBJECTIVE,
                Instant.now().plusSeconds(600),
                null);
        jobs.create(job, null, null, false);
        jobs.recordOutcome(jobId, "s1", TaskOutcome.SUCCEEDED, null);
        jobs.recordOutcome(jobId, "s2", TaskOutcome.FAILED, failure(jobId, "s2").toJson());
        return jobId;
    }
}
