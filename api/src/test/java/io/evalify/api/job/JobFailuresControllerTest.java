package io.evalify.api.job;

import static io.evalify.api.job.Failures.failure;
import static io.evalify.api.job.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.evalify.api.SliceTestConfig;
import io.evalify.core.job.IllegalJobStateChangeException;
import io.evalify.core.job.JobStore;
import io.evalify.core.job.TaskOutcome;
import io.evalify.schemas.job.JobStatus;
import io.evalify.schemas.task.TaskEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(controllers = JobFailuresController.class, properties = SliceTestConfig.KEY_PROPERTY)
@Import({SliceTestConfig.class, FailureService.class})
class JobFailuresControllerTest {

    private static final String BASE = "/api/v1/jobs/evaluation";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private JobStore jobs;

    @MockitoBean
    private TaskPublisher publisher;

    @Test
    void shouldListEachFailedStudentWithReasonAttemptsAndDeadLetter() throws Exception {
        givenJob(JobStatus.COMPLETED_WITH_ERRORS);
        when(jobs.failures("j1"))
                .thenReturn(Map.of(
                        "s2",
                        failure("j1", "s2").toJson(),
                        "s1",
                        failure("j1", "s1").toJson(),
                        "s3",
                        "not json"));
        when(jobs.outcomesOf(eq("j1"), anyList()))
                .thenReturn(Map.of("s1", TaskOutcome.FAILED, "s3", TaskOutcome.FAILED));
        mvc.perform(get(BASE + "/j1/failures").header("API_KEY", SliceTestConfig.API_KEY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.job_id").value("j1"))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.failures[0].student_id").value("s1"))
                .andExpect(jsonPath("$.failures[0].state").value("failed"))
                .andExpect(jsonPath("$.failures[0].type").value("BACKEND_NOT_FOUND"))
                .andExpect(jsonPath("$.failures[0].message").value("backend answered 404"))
                .andExpect(jsonPath("$.failures[0].attempts").value(4))
                .andExpect(jsonPath("$.failures[0].retryable").value(false))
                .andExpect(jsonPath("$.failures[0].last_failure_at").value("2026-04-04T09:00:13Z"))
                .andExpect(jsonPath("$.failures[0].dead_letter.topic").value("evalify.dead-letters"))
                .andExpect(jsonPath("$.failures[0].dead_letter.partition").value(2))
                .andExpect(jsonPath("$.failures[0].dead_letter.offset").value(7))
                .andExpect(jsonPath("$.failures[1].state").value("retrying"))
                .andExpect(jsonPath("$.failures[2].type").value("UNREADABLE_FAILURE_RECORD"));
    }

    @Test
    void shouldPageTheFailures() throws Exception {
        givenJob(JobStatus.COMPLETED_WITH_ERRORS);
        when(jobs.failures("j1"))
                .thenReturn(Map.of(
                        "s1",
                        failure("j1", "s1").toJson(),
                        "s2",
                        failure("j1", "s2").toJson()));
        mvc.perform(get(BASE + "/j1/failures")
                        .param("page", "1")
                        .param("size", "1")
                        .header("API_KEY", SliceTestConfig.API_KEY))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.failures.length()").value(1))
                .andExpect(jsonPath("$.failures[0].student_id").value("s2"));
        mvc.perform(get(BASE + "/j1/failures").param("size", "0").header("API_KEY", SliceTestConfig.API_KEY))
                .andExpect(status().isBadRequest());
    }

    @Test
    void shouldAnswerFailuresOfAnUnknownJobWith404() throws Exception {
        when(jobs.find("nope")).thenReturn(Optional.empty());
        mvc.perform(get(BASE + "/nope/failures").header("API_KEY", SliceTestConfig.API_KEY))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://evalify.io/problems/job-not-found"));
    }

    @Test
    void shouldRepublishEachFailedTaskAsAFirstAttempt() throws Exception {
        givenJob(JobStatus.RUNNING);
        when(jobs.requeueFailed("j1", null))
                .thenReturn(List.of(
                        failure("j1", "s1").toJson(), failure("j1", "s2").toJson()));
        mvc.perform(post(BASE + "/j1/retry-failed").header("API_KEY", SliceTestConfig.API_KEY))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.job_id").value("j1"))
                .andExpect(jsonPath("$.requeued").value(2))
                .andExpect(jsonPath("$.status_url").value(BASE + "/j1"))
                .andExpect(jsonPath("$.job.status").value("RUNNING"));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<TaskEvent>> tasks = ArgumentCaptor.forClass(List.class);
        verify(publisher).publishAll(tasks.capture(), any());
        assertThat(tasks.getValue()).extracting(TaskEvent::studentId).containsExactly("s1", "s2");
        assertThat(tasks.getValue()).allSatisfy(t -> {
            assertThat(t.attempt()).isEqualTo(1);
            assertThat(t.firstFailedAt()).isNull();
        });
        verify(jobs).rearmCallback("j1");
    }

    @Test
    void shouldFailTheStudentsAgainAndAnswer503WhenTheBrokerRefusesTheRequeue() throws Exception {
        givenJob(JobStatus.RUNNING);
        var record = failure("j1", "s1");
        when(jobs.requeueFailed("j1", null)).thenReturn(List.of(record.toJson()));
        doThrow(new TaskPublisher.PublishException("broker down", null))
                .when(publisher)
                .publishAll(anyList(), any());
        mvc.perform(post(BASE + "/j1/retry-failed").header("API_KEY", SliceTestConfig.API_KEY))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value("https://evalify.io/problems/broker-unavailable"));
        verify(jobs).recordOutcome("j1", "s1", TaskOutcome.FAILED, record.toJson());
        verify(jobs, never()).rearmCallback("j1");
    }

    @Test
    void shouldAnswer200WhenNothingFailed() throws Exception {
        givenJob(JobStatus.RUNNING);
        when(jobs.requeueFailed("j1", null)).thenReturn(List.of());
        mvc.perform(post(BASE + "/j1/retry-failed").header("API_KEY", SliceTestConfig.API_KEY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.requeued").value(0));
        verify(publisher, never()).publishAll(anyList(), any());
    }

    @Test
    void shouldRefuseToRetryACancelledJobWith409() throws Exception {
        when(jobs.requeueFailed("j1", null))
                .thenThrow(new IllegalJobStateChangeException("j1", JobStatus.CANCELLED, JobStatus.RUNNING));
        mvc.perform(post(BASE + "/j1/retry-failed").header("API_KEY", SliceTestConfig.API_KEY))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.job_status").value("CANCELLED"));
    }

    @Test
    void shouldAnswerRetryOfAnUnknownJobWith404() throws Exception {
        when(jobs.requeueFailed("nope", null)).thenThrow(new io.evalify.core.job.JobNotFoundException("nope"));
        mvc.perform(post(BASE + "/nope/retry-failed").header("API_KEY", SliceTestConfig.API_KEY))
                .andExpect(status().isNotFound());
    }

    @Test
    void shouldRepublishOneFailedStudentAsAFirstAttempt() throws Exception {
        givenJob(JobStatus.COMPLETED_WITH_ERRORS);
        when(jobs.requeueFailed("j1", "s2"))
                .thenReturn(List.of(failure("j1", "s2").toJson()));
        mvc.perform(post(BASE + "/j1/failures/s2/retry").header("API_KEY", SliceTestConfig.API_KEY))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.requeued").value(1))
                .andExpect(jsonPath("$.status_url").value(BASE + "/j1"));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<TaskEvent>> tasks = ArgumentCaptor.forClass(List.class);
        verify(publisher).publishAll(tasks.capture(), any());
        assertThat(tasks.getValue()).extracting(TaskEvent::studentId).containsExactly("s2");
        assertThat(tasks.getValue().getFirst().attempt()).isEqualTo(1);
        verify(jobs).rearmCallback("j1");
    }

    @Test
    void shouldAnswer404ToRetryOfAStudentThatHasNotFailed() throws Exception {
        givenJob(JobStatus.RUNNING);
        when(jobs.requeueFailed("j1", "s9")).thenReturn(List.of());
        mvc.perform(post(BASE + "/j1/failures/s9/retry").header("API_KEY", SliceTestConfig.API_KEY))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://evalify.io/problems/student-not-failed"));
        verify(publisher, never()).publishAll(anyList(), any());
    }

    @Test
    void shouldFailTheStudentAgainAndAnswer503WhenTheBrokerRefusesItsRetry() throws Exception {
        givenJob(JobStatus.COMPLETED_WITH_ERRORS);
        var record = failure("j1", "s2");
        when(jobs.requeueFailed("j1", "s2")).thenReturn(List.of(record.toJson()));
        doThrow(new TaskPublisher.PublishException("broker down", null))
                .when(publisher)
                .publishAll(anyList(), any());
        mvc.perform(post(BASE + "/j1/failures/s2/retry").header("API_KEY", SliceTestConfig.API_KEY))
                .andExpect(status().isServiceUnavailable());
        verify(jobs).recordOutcome("j1", "s2", TaskOutcome.FAILED, record.toJson());
    }

    @Test
    void shouldRefuseToRetryOneStudentWithoutTheKey() throws Exception {
        mvc.perform(post(BASE + "/j1/failures/s2/retry")).andExpect(status().isUnauthorized());
        verify(jobs, never()).requeueFailed(any(), any());
    }

    private void givenJob(JobStatus status) {
        when(jobs.find("j1"))
                .thenReturn(
                        Optional.of(aJob("j1").in(status).withCounts(3, 1, 2).build()));
    }
}
