package io.evalify.api.job;

import static io.evalify.api.job.Jobs.aJob;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.evalify.api.SliceTestConfig;
import io.evalify.api.web.ApiProblem;
import io.evalify.core.job.IllegalJobStateChangeException;
import io.evalify.core.job.IndexEntry;
import io.evalify.core.job.JobStore;
import io.evalify.schemas.job.JobAccepted;
import io.evalify.schemas.job.JobStatus;
import io.evalify.schemas.job.JobSubmission;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@WebMvcTest(
        controllers = JobController.class,
        properties = {SliceTestConfig.KEY_PROPERTY, "evalify.api.status-cache-ttl=0s"})
@Import({SliceTestConfig.class, JobListing.class, SubmissionReader.class, JobStatusCache.class})
class JobControllerTest {

    private static final String BASE = "/api/v1/jobs/evaluation";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private JobSubmissionService submissions;

    @MockitoBean
    private JobStore jobs;

    @Test
    void shouldAcceptAValidJobWithItsStatusUrl() throws Exception {
        when(submissions.submit(any(), isNull(), any()))
                .thenReturn(new JobAccepted("j1", JobStatus.QUEUED, BASE + "/j1"));
        mvc.perform(authed(post(BASE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"quiz_id\":\"11111111-1111-4111-8111-111111111111\"}"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", BASE + "/j1"))
                .andExpect(jsonPath("$.job_id").value("j1"))
                .andExpect(jsonPath("$.status").value("QUEUED"))
                .andExpect(jsonPath("$.status_url").value(BASE + "/j1"));
    }

    @Test
    void shouldPassTheIdempotencyKeyAndACanonicalBodyHash() throws Exception {
        when(submissions.submit(any(), eq("k1"), any())).thenReturn(new JobAccepted("j1", JobStatus.QUEUED, "/x"));
        mvc.perform(authed(post(BASE))
                        .header("Idempotency-Key", "k1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{ \"quiz_id\" : \"11111111-1111-4111-8111-111111111111\" }"))
                .andExpect(status().isAccepted());
        verify(submissions)
                .submit(
                        eq(new JobSubmission("11111111-1111-4111-8111-111111111111", null, null)),
                        eq("k1"),
                        eq(SubmissionReader.hash("{\"quiz_id\":\"11111111-1111-4111-8111-111111111111\"}")));
    }

    @Test
    void shouldAnswerConflictsOfTheSubmissionAsProblems() throws Exception {
        when(submissions.submit(any(), any(), any()))
                .thenThrow(ApiProblem.conflict(
                        "quiz-busy", "Quiz already being evaluated", "busy", Map.of("active_job_id", "j0")));
        mvc.perform(authed(post(BASE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"quiz_id\":\"11111111-1111-4111-8111-111111111111\"}"))
                .andExpect(status().isConflict())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.type").value("https://evalify.io/problems/quiz-busy"))
                .andExpect(jsonPath("$.active_job_id").value("j0"));
    }

    @Test
    void shouldRejectABodyThatBreaksTheSchemaWithEveryFieldError() throws Exception {
        mvc.perform(authed(post(BASE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"quizId\":\"11111111-1111-4111-8111-111111111111\",\"config\":{\"force\":\"yes\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://evalify.io/problems/invalid-request"))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.errors[*].pointer")
                        .value(org.hamcrest.Matchers.hasItems("/quiz_id", "/quizId", "/config/force")));
        verifyNoInteractions(submissions);
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "q1", "../settings", "%2e%2e", "11111111-1111-4111-8111-11111111111/"})
    void shouldRejectAQuizIdThatIsNotABackendId(String quizId) throws Exception {
        mvc.perform(authed(post(BASE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"quiz_id\":\"" + quizId + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("/quiz_id"));
        verifyNoInteractions(submissions);
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "s1"})
    void shouldRejectAStudentIdThatIsNotABackendId(String studentId) throws Exception {
        mvc.perform(authed(post(BASE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"quiz_id\":\"11111111-1111-4111-8111-111111111111\","
                                + "\"filters\":{\"student_ids\":[\"" + studentId + "\"]}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("/filters/student_ids/0"));
        verifyNoInteractions(submissions);
    }

    @Test
    void shouldRejectMalformedJsonWith400() throws Exception {
        mvc.perform(authed(post(BASE)).contentType(MediaType.APPLICATION_JSON).content("{\"quiz_id\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].detail", containsString("malformed JSON")));
        verifyNoInteractions(submissions);
    }

    @Test
    void shouldRejectAMissingBodyWith400() throws Exception {
        mvc.perform(authed(post(BASE)).contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://evalify.io/problems/malformed-request"));
    }

    @Test
    void shouldRejectAnotherMediaTypeWith415() throws Exception {
        mvc.perform(authed(post(BASE))
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("quiz_id=11111111-1111-4111-8111-111111111111"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("https://evalify.io/problems/unsupported-media-type"))
                .andExpect(jsonPath("$.title").exists());
    }

    @Test
    void shouldRejectABlankIdempotencyKey() throws Exception {
        mvc.perform(authed(post(BASE))
                        .header("Idempotency-Key", " ")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"quiz_id\":\"11111111-1111-4111-8111-111111111111\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].parameter").value("Idempotency-Key"));
        verifyNoInteractions(submissions);
    }

    @Test
    void shouldAnswerAnUnsupportedMethodWith405() throws Exception {
        mvc.perform(authed(delete(BASE + "/j1")))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.type").value("https://evalify.io/problems/method-not-allowed"));
    }

    @Test
    void shouldAnswerAnUnknownPathWith404Problem() throws Exception {
        mvc.perform(authed(get("/api/v1/nothing-here")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://evalify.io/problems/not-found"));
    }

    @Test
    void shouldShowAJobWithASummaryOfItsFailedStudents() throws Exception {
        when(jobs.find("j1"))
                .thenReturn(Optional.of(
                        aJob("j1").in(JobStatus.RUNNING).withCounts(10, 4, 3).build()));
        mvc.perform(authed(get(BASE + "/j1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.job_id").value("j1"))
                .andExpect(jsonPath("$.status").value("RUNNING"))
                .andExpect(jsonPath("$.counts.processed").value(7))
                .andExpect(jsonPath("$.percent").value(70.0))
                .andExpect(jsonPath("$.created_at").value("2026-04-04T09:00:00Z"))
                .andExpect(jsonPath("$.error").value("3 students failed; see " + BASE + "/j1/failures"));
    }

    @Test
    void shouldAnswerAnUnknownJobWith404Problem() throws Exception {
        when(jobs.find("nope")).thenReturn(Optional.empty());
        mvc.perform(authed(get(BASE + "/nope")))
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.type").value("https://evalify.io/problems/job-not-found"))
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void shouldCancelAnActiveJob() throws Exception {
        when(jobs.find("j1"))
                .thenReturn(Optional.of(aJob("j1").in(JobStatus.CANCELLING).build()));
        mvc.perform(authed(post(BASE + "/j1/cancel")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("CANCELLING"));
        verify(jobs).transition("j1", JobStatus.CANCELLING, null);
    }

    @Test
    void shouldRefuseToCancelAFinishedJobWith409() throws Exception {
        when(jobs.transition("j1", JobStatus.CANCELLING, null))
                .thenThrow(new IllegalJobStateChangeException("j1", JobStatus.COMPLETED, JobStatus.CANCELLING));
        mvc.perform(authed(post(BASE + "/j1/cancel")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://evalify.io/problems/illegal-state-change"))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.job_id").value("j1"))
                .andExpect(jsonPath("$.job_status").value("COMPLETED"));
    }

    @Test
    void shouldAnswerCancelOfAnUnknownJobWith404() throws Exception {
        when(jobs.transition("nope", JobStatus.CANCELLING, null))
                .thenThrow(new io.evalify.core.job.JobNotFoundException("nope"));
        mvc.perform(authed(post(BASE + "/nope/cancel")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://evalify.io/problems/job-not-found"));
    }

    @Test
    void shouldListJobsNewestFirstWithACursorToTheNextPage() throws Exception {
        var j3 = new IndexEntry("j3", 3);
        var gone = new IndexEntry("gone", 2);
        var j1 = new IndexEntry("j1", 1);
        when(jobs.indexPage(null, null, 3)).thenReturn(List.of(j3, gone, j1));
        when(jobs.findAll(List.of("j3", "gone", "j1")))
                .thenReturn(List.of(
                        Optional.of(aJob("j3").build()),
                        Optional.empty(),
                        Optional.of(aJob("j1").build())));
        when(jobs.indexPage(null, j1, 1)).thenReturn(List.of(new IndexEntry("j0", 0)));
        when(jobs.findAll(List.of("j0")))
                .thenReturn(List.of(Optional.of(aJob("j0").build())));
        var first = mvc.perform(authed(get(BASE).param("size", "2")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.jobs[*].job_id").value(org.hamcrest.Matchers.contains("j3", "j1")))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.has_more").value(true))
                .andReturn();
        var cursor = com.jayway.jsonpath.JsonPath.read(first.getResponse().getContentAsString(), "$.next_cursor");
        when(jobs.indexPage(null, j1, 3)).thenReturn(List.of(new IndexEntry("j0", 0)));
        mvc.perform(authed(get(BASE).param("size", "2").param("cursor", cursor.toString())))
                .andExpect(jsonPath("$.jobs[*].job_id").value(org.hamcrest.Matchers.contains("j0")))
                .andExpect(jsonPath("$.next_cursor").doesNotExist())
                .andExpect(jsonPath("$.has_more").value(false));
    }

    @Test
    void shouldListAQuizsJobsFilteredByStatus() throws Exception {
        var j2 = new IndexEntry("j2", 2);
        var j1 = new IndexEntry("j1", 1);
        when(jobs.indexPage(eq("q9"), isNull(), anyInt())).thenReturn(List.of(j2, j1));
        when(jobs.findAll(List.of("j2", "j1")))
                .thenReturn(List.of(
                        Optional.of(
                                aJob("j2").ofQuiz("q9").in(JobStatus.RUNNING).build()),
                        Optional.of(
                                aJob("j1").ofQuiz("q9").in(JobStatus.COMPLETED).build())));
        mvc.perform(authed(get(BASE).param("quiz_id", "q9").param("status", "completed")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.jobs[*].job_id").value(org.hamcrest.Matchers.contains("j1")));
        verify(jobs, never()).indexPage(isNull(), any(), anyInt());
    }

    @Test
    void shouldRejectBadListParametersNamingTheParameter() throws Exception {
        mvc.perform(authed(get(BASE).param("status", "DONE")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].parameter").value("status"));
        mvc.perform(authed(get(BASE).param("size", "1000")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].parameter").value("size"));
        mvc.perform(authed(get(BASE).param("page", "1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://evalify.io/problems/invalid-parameter"))
                .andExpect(jsonPath("$.errors[0].parameter").value("page"));
        mvc.perform(authed(get(BASE).param("cursor", "not-a-cursor")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].parameter").value("cursor"));
        mvc.perform(authed(get(BASE).param("quiz_id", " ")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].parameter").value("quiz_id"));
    }

    @Test
    void shouldAnswerRedisOutageWith503() throws Exception {
        when(jobs.find("j1")).thenThrow(new org.springframework.data.redis.RedisConnectionFailureException("down"));
        mvc.perform(authed(get(BASE + "/j1")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value("https://evalify.io/problems/store-unavailable"));
    }

    private static MockHttpServletRequestBuilder authed(MockHttpServletRequestBuilder request) {
        return request.header("API_KEY", SliceTestConfig.API_KEY);
    }
}
