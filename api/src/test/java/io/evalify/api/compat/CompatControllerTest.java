package io.evalify.api.compat;

import static io.evalify.api.job.JobIndexStub.givenIndex;
import static io.evalify.api.job.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.evalify.api.SliceTestConfig;
import io.evalify.api.job.JobListing;
import io.evalify.api.job.JobSubmissionService;
import io.evalify.api.web.ApiProblem;
import io.evalify.core.job.JobStore;
import io.evalify.schemas.Json;
import io.evalify.schemas.SchemaName;
import io.evalify.schemas.SchemaValidator;
import io.evalify.schemas.job.JobAccepted;
import io.evalify.schemas.job.JobStatus;
import io.evalify.schemas.job.JobSubmission;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The old evaluator's endpoints answer exactly the shapes in docs/BACKEND-CONTRACT.md. */
@WebMvcTest(
        controllers = {CompatController.class, HealthController.class},
        properties = {SliceTestConfig.KEY_PROPERTY, "evalify.environment=staging"})
@Import({SliceTestConfig.class, JobListing.class})
class CompatControllerTest {

    private static final String START = "/api/v1/evaluations";

    @Autowired
    private MockMvc mvc;

    @Autowired
    private SchemaValidator validator;

    @MockitoBean
    private JobSubmissionService submissions;

    @MockitoBean
    private JobStore jobs;

    @Test
    void shouldStartAnEvaluationAndAnswerTheOldShape() throws Exception {
        when(submissions.submit(any(), any(), any())).thenReturn(new JobAccepted("j1", JobStatus.QUEUED, "/x"));
        var body = mvc.perform(authed(post(START))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"quiz_id\":\"11111111-1111-4111-8111-111111111111\",\"override_evaluated\":true,\"student_ids\":[\"5a000000-0000-4000-8000-000000000001\"],"
                                        + "\"question_ids\":null,\"requested_by\":\"dashboard\"}"))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Json.mapper().readTree(body))
                .isEqualTo(
                        Json.mapper()
                                .readTree(
                                        "{\"quiz_id\":\"11111111-1111-4111-8111-111111111111\",\"status\":\"QUEUED\","
                                                + "\"progress_url\":\"/api/v1/evaluations/11111111-1111-4111-8111-111111111111/progress\"}"));
        verify(submissions)
                .submit(
                        eq(new JobSubmission(
                                "11111111-1111-4111-8111-111111111111",
                                new JobSubmission.Filters(List.of("5a000000-0000-4000-8000-000000000001"), null),
                                new JobSubmission.Config(true, false, null))),
                        any(),
                        any());
    }

    @Test
    void shouldAnswerWithTheActiveJobWhenTheQuizIsBusy() throws Exception {
        when(submissions.submit(any(), any(), any()))
                .thenThrow(ApiProblem.conflict("quiz-busy", "busy", "busy", Map.of()));
        givenIndex(jobs, "11111111-1111-4111-8111-111111111111", List.of("j0"));
        when(jobs.find("j0"))
                .thenReturn(Optional.of(aJob("j0")
                        .ofQuiz("11111111-1111-4111-8111-111111111111")
                        .in(JobStatus.CANCELLING)
                        .build()));
        mvc.perform(authed(post(START))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"quiz_id\":\"11111111-1111-4111-8111-111111111111\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("RUNNING"));
    }

    @Test
    void shouldAnswerABadBodyWith422AndAFastApiDetailList() throws Exception {
        mvc.perform(
                        authed(post(START))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"student_ids\":\"5a000000-0000-4000-8000-000000000001\",\"override_evaluated\":\"yes\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.detail[*].loc")
                        .value(org.hamcrest.Matchers.hasItems(
                                List.of("body", "quiz_id"),
                                List.of("body", "student_ids"),
                                List.of("body", "override_evaluated"))))
                .andExpect(jsonPath("$.detail[?(@.loc[1] == 'quiz_id')].type").value("missing"))
                .andExpect(jsonPath("$.detail[0].msg").isString());
        verifyNoInteractions(submissions);
    }

    @Test
    void shouldPointAtTheBadListItem() throws Exception {
        mvc.perform(
                        authed(post(START))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"quiz_id\":\"11111111-1111-4111-8111-111111111111\",\"student_ids\":[\"5a000000-0000-4000-8000-000000000001\", 5]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail[0].loc").value(org.hamcrest.Matchers.contains("body", "student_ids", 1)));
    }

    @Test
    void shouldAnswerMalformedJsonAndAMissingBodyWith422() throws Exception {
        mvc.perform(authed(post(START)).contentType(MediaType.APPLICATION_JSON).content("{\"quiz_id\""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail[0].type").value("json_invalid"))
                .andExpect(jsonPath("$.detail[0].loc").value(org.hamcrest.Matchers.contains("body")));
        mvc.perform(authed(post(START)).contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail[0].type").value("json_invalid"));
    }

    @Test
    void shouldPassOtherFailuresOnAsProblemsWithAStringDetail() throws Exception {
        when(submissions.submit(any(), any(), any()))
                .thenThrow(ApiProblem.unprocessable(
                        "quiz-not-found",
                        "Quiz not found",
                        "The backend has no quiz 11111111-1111-4111-8111-111111111111"));
        mvc.perform(authed(post(START))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"quiz_id\":\"11111111-1111-4111-8111-111111111111\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("The backend has no quiz 11111111-1111-4111-8111-111111111111"));
    }

    @Test
    void shouldRequireTheKeyWithTheOldUnauthorizedBody() throws Exception {
        mvc.perform(post(START).contentType(MediaType.APPLICATION_JSON).content("{\"bad\":"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().json("{\"error\": \"Unauthorized\", \"status\": 401}", true));
        mvc.perform(get(START + "/11111111-1111-4111-8111-111111111111/progress")
                        .header("API_KEY", "wrong"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().json("{\"error\": \"Unauthorized\", \"status\": 401}", true));
        verifyNoInteractions(submissions, jobs);
    }

    @Test
    void shouldReportTheProgressOfTheQuizsLatestJob() throws Exception {
        givenIndex(jobs, "11111111-1111-4111-8111-111111111111", List.of("expired", "j2", "j1"));
        when(jobs.find("expired")).thenReturn(Optional.empty());
        when(jobs.find("j2"))
                .thenReturn(Optional.of(aJob("j2")
                        .ofQuiz("11111111-1111-4111-8111-111111111111")
                        .in(JobStatus.RUNNING)
                        .withCounts(120, 40, 8)
                        .build()));
        when(jobs.updatedAt("j2")).thenReturn(Optional.of(Instant.parse("2026-04-04T09:00:15.500Z")));
        var body = mvc.perform(authed(get(START + "/11111111-1111-4111-8111-111111111111/progress")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Json.mapper().readTree(body))
                .isEqualTo(Json.mapper()
                        .readTree(
                                "{\"quiz_id\":\"11111111-1111-4111-8111-111111111111\",\"status\":\"RUNNING\",\"students_finished\":48,"
                                        + "\"total_students\":120,\"created_at\":\"2026-04-04T09:00:00Z\","
                                        + "\"updated_at\":\"2026-04-04T09:00:15.500Z\",\"job_id\":\"j2\","
                                        + "\"students_succeeded\":40,\"students_failed\":8}"));
        assertThat(validator.validate(SchemaName.COMPAT_PROGRESS, body)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "QUEUED, QUEUED",
        "RUNNING, RUNNING",
        "CANCELLING, RUNNING",
        "COMPLETED, COMPLETED",
        "COMPLETED_WITH_ERRORS, FAILED",
        "FAILED, FAILED",
        "CANCELLED, FAILED",
        "EXPIRED, FAILED"
    })
    void shouldMapEveryJobStatusOntoTheOldFour(JobStatus status, String expected) throws Exception {
        givenIndex(jobs, "11111111-1111-4111-8111-111111111111", List.of("j1"));
        when(jobs.find("j1"))
                .thenReturn(Optional.of(aJob("j1")
                        .ofQuiz("11111111-1111-4111-8111-111111111111")
                        .in(status)
                        .build()));
        mvc.perform(authed(get(START + "/11111111-1111-4111-8111-111111111111/progress")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value(expected));
    }

    @Test
    void shouldNeverReportMoreFinishedThanTotal() throws Exception {
        givenIndex(jobs, "11111111-1111-4111-8111-111111111111", List.of("j1"));
        when(jobs.find("j1"))
                .thenReturn(Optional.of(aJob("j1")
                        .ofQuiz("11111111-1111-4111-8111-111111111111")
                        .in(JobStatus.COMPLETED)
                        .withCounts(2, 3, 0)
                        .build()));
        mvc.perform(authed(get(START + "/11111111-1111-4111-8111-111111111111/progress")))
                .andExpect(jsonPath("$.students_finished").value(2));
    }

    @Test
    void shouldAnswerAnUnknownQuizWithTheOld404Body() throws Exception {
        givenIndex(jobs, "q404", List.of());
        mvc.perform(authed(get(START + "/q404/progress")))
                .andExpect(status().isNotFound())
                .andExpect(content().json("{\"detail\": \"No evaluation found for quiz_id=q404\"}", true));
    }

    @Test
    void shouldServeHealthAndVersionWithoutAKey() throws Exception {
        mvc.perform(get("/api/v1/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ok"))
                .andExpect(jsonPath("$.environment").value("staging"))
                .andExpect(jsonPath("$.version").isString());
        mvc.perform(get("/api/v1/version"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.package_name").value("evalify-evaluator"))
                .andExpect(jsonPath("$.is_development").isString())
                .andExpect(jsonPath("$.major").isString());
    }

    private static MockHttpServletRequestBuilder authed(MockHttpServletRequestBuilder request) {
        return request.header("API_KEY", SliceTestConfig.API_KEY);
    }
}
