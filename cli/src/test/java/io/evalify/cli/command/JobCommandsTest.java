package io.evalify.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.cli.CliRunner;
import io.evalify.cli.CliRunner.Result;
import io.evalify.cli.ExitCodes;
import io.evalify.cli.api.ApiStub;
import io.evalify.schemas.Json;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Each job command against a stub API speaking the real shapes. */
class JobCommandsTest {

    private static final String JOBS = "/api/v1/jobs/evaluation";
    private static final String KEY = "test-key-0123456789";

    private final ApiStub api = new ApiStub();

    @TempDir
    Path home;

    @AfterEach
    void stopStub() {
        api.close();
    }

    @Test
    void submitShouldPostTheSubmissionWithTheKeyAndPrintTheJob() {
        api.on("POST", JOBS, 202, accepted("job-7"));

        Result result = run("submit", "--quiz", "quiz-1", "--students", "s1,s2", "--questions", "q1", "--force");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("job job-7 QUEUED").contains(JOBS + "/job-7");
        ApiStub.Request request = api.requests().getFirst();
        assertThat(request.apiKey()).isEqualTo(KEY);
        JsonNode body = Json.mapper().readTree(request.body());
        assertThat(body.path("quiz_id").asString()).isEqualTo("quiz-1");
        assertThat(body.path("filters").path("student_ids").toString()).isEqualTo("[\"s1\",\"s2\"]");
        assertThat(body.path("filters").path("question_ids").toString()).isEqualTo("[\"q1\"]");
        assertThat(body.path("config").path("force").asBoolean()).isTrue();
        assertThat(body.path("config").path("override_evaluated").asBoolean()).isFalse();
    }

    @Test
    void submitWithWatchShouldFollowTheJobAndExitOneWhenItFails() {
        api.on("POST", JOBS, 202, accepted("job-8"));
        api.on("GET", JOBS + "/job-8", 200, status("job-8", "RUNNING", 10, 4, 0), status("job-8", "FAILED", 10, 4, 6));

        Result result = run("submit", "--quiz", "quiz-1", "--watch");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.JOB_NOT_COMPLETED);
        assertThat(result.out()).contains("4/10").contains("job job-8 FAILED").contains("6 failed");
    }

    @Test
    void statusShouldPrintAReadableSummary() {
        api.on("GET", JOBS + "/job-1", 200, status("job-1", "RUNNING", 200, 120, 0));

        Result result = run("status", "job-1");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out())
                .contains("status    RUNNING")
                .contains("120/200 60% 45.1/s ETA 2s failed 0")
                .contains("200 total, 120 succeeded, 0 failed, 0 cancelled");
    }

    @Test
    void statusJsonShouldPrintTheApiDocumentAndExitOneForACancelledJob() {
        api.on("GET", JOBS + "/job-1", 200, status("job-1", "CANCELLED", 10, 3, 0));

        Result result = run("status", "job-1", "--json");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.JOB_NOT_COMPLETED);
        assertThat(Json.mapper().readTree(result.out()).path("status").asString())
                .isEqualTo("CANCELLED");
    }

    @Test
    void watchShouldPollUntilCompletedAndPrintTheSummary() {
        api.on(
                "GET",
                JOBS + "/job-2",
                200,
                status("job-2", "QUEUED", 10, 0, 0),
                status("job-2", "RUNNING", 10, 5, 0),
                status("job-2", "COMPLETED", 10, 10, 0));

        Result result = run("watch", "job-2");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out())
                .contains("0/10")
                .contains("job job-2 COMPLETED")
                .contains("throughput");
        assertThat(api.requests()).hasSize(3);
    }

    @Test
    void cancelShouldPostAndPrintTheNewStatus() {
        api.on("POST", JOBS + "/job-3/cancel", 202, status("job-3", "CANCELLING", 10, 2, 0));

        Result result = run("cancel", "job-3");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("cancel requested for job job-3: status CANCELLING");
        assertThat(api.requests().getFirst().apiKey()).isEqualTo(KEY);
    }

    @Test
    void failuresShouldPrintATableOfDeadLetters() {
        api.on("GET", JOBS + "/job-4/failures", 200, """
                {"failures":[
                  {"task":{"student_id":"s-17"},"failure":{"type":"BACKEND_NOT_FOUND","message":"404 from backend",
                   "retryable":false,"attempts":1}},
                  {"student_id":"s-2","type":"LLM_TIMEOUT","message":"timed out","retryable":true,"attempts":3}]}
                """);

        Result result = run("failures", "job-4");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out().lines().toList())
                .first()
                .asString()
                .startsWith("STUDENT")
                .contains("TYPE", "ATTEMPTS", "RETRYABLE", "MESSAGE");
        assertThat(result.out())
                .containsPattern("s-17 +BACKEND_NOT_FOUND +1 +false +404 from backend")
                .containsPattern("s-2 +LLM_TIMEOUT +3 +true +timed out")
                .contains("2 failed task(s)");
    }

    @Test
    void failuresShouldSayWhenThereAreNone() {
        api.on("GET", JOBS + "/job-4/failures", 200, "[]");

        assertThat(run("failures", "job-4").out()).contains("job job-4 has no failed tasks");
    }

    @Test
    void retryFailedShouldPostAndPrintWhatWasRequeued() {
        api.on(
                "POST",
                JOBS + "/job-5/retry-failed",
                202,
                "{\"job_id\":\"job-5\",\"status\":\"RUNNING\",\"requeued\":6}");

        Result result = run("retry-failed", "job-5");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("job-5: status RUNNING, 6 task(s) re-queued");
    }

    @Test
    void shouldPrintProblemDetailsAndExitFourWhenTheApiRefuses() {
        api.on("GET", JOBS + "/nope", 404, """
                {"type":"about:blank","title":"Not Found","status":404,"detail":"job nope does not exist"}""");

        Result result = run("status", "nope");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.API_ERROR);
        assertThat(result.err()).contains("API error 404 Not Found: job nope does not exist");
    }

    @Test
    void shouldExitThreeWhenTheApiCannotBeReached() {
        api.close();

        Result result = run("watch", "job-1");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.API_UNREACHABLE);
        assertThat(result.err()).contains("cannot reach the Evalify API at " + api.url());
    }

    @Test
    void shouldTakeTheApiAndKeyFromTheEnvironment() {
        api.on("GET", JOBS + "/job-1", 200, status("job-1", "RUNNING", 2, 1, 0));
        CliRunner runner = new CliRunner(Map.of("EVALIFY_API_URL", api.url(), "EVALIFY_API_KEY", "env-key"), home);

        assertThat(runner.run("status", "job-1").exitCode()).isZero();
        assertThat(api.requests().getFirst().apiKey()).isEqualTo("env-key");
    }

    private Result run(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--api", api.url(), "--api-key", KEY}, 0, all, args.length, 4);
        return new CliRunner(Map.of(), home).run(all);
    }

    private static String accepted(String jobId) {
        return "{\"job_id\":\"%s\",\"status\":\"QUEUED\",\"status_url\":\"%s/%s\"}".formatted(jobId, JOBS, jobId);
    }

    private static String status(String jobId, String status, long total, long succeeded, long failed) {
        long processed = succeeded + failed;
        boolean terminal = !status.equals("RUNNING") && !status.equals("QUEUED") && !status.equals("CANCELLING");
        return """
                {"job_id":"%s","quiz_id":"quiz-1","status":"%s",
                 "counts":{"total":%d,"succeeded":%d,"failed":%d,"cancelled":0,"processed":%d},
                 "percent":%s,"created_at":"2026-01-10T10:00:00Z","started_at":"2026-01-10T10:00:01Z",
                 "finished_at":%s,"rate_per_second":45.1,"eta_seconds":1.8,"error":null}""".formatted(
                        jobId,
                        status,
                        total,
                        succeeded,
                        failed,
                        processed,
                        processed * 100.0 / total,
                        terminal ? "\"2026-01-10T10:00:05Z\"" : "null");
    }
}
