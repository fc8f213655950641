package io.evalify.fakes.judge0;

import static io.evalify.fakes.backend.SampleFixture.REFERENCE_SOLUTION;
import static io.evalify.fakes.backend.SampleFixture.STUDENT_A_CODE;
import static io.evalify.fakes.backend.SampleFixture.STUDENT_B_CODE;
import static io.evalify.fakes.common.TestHttp.json;
import static io.evalify.fakes.common.TestHttp.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.schemas.Json;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class FakeJudge0Test {

    private static final int PYTHON = 71;

    private FakeJudge0 judge0;

    @BeforeEach
    void start() {
        judge0 = new FakeJudge0().start();
    }

    @AfterEach
    void stop() {
        judge0.close();
    }

    private HttpResponse<String> submit(String source, String stdin, Integer languageId) {
        ObjectNode body =
                Json.mapper().createObjectNode().put("source_code", source).put("stdin", stdin);
        if (languageId != null) {
            body.put("language_id", languageId);
        }
        body.put("cpu_time_limit", 2.0).put("memory_limit", 131072);
        return post(judge0.rootUrl() + "/submissions?base64_encoded=false&wait=true", body.toString());
    }

    private JsonNode run(String source, String stdin) {
        HttpResponse<String> response = submit(source, stdin, PYTHON);
        assertThat(response.statusCode()).isEqualTo(201);
        return json(response);
    }

    @ParameterizedTest(name = "{0} on \"{1}\" prints {2}")
    @CsvSource({
        "reference, 2 3, 5",
        "reference, 10 20, 30",
        "studentA, 2 3, 5",
        "studentA, 10 20, 30",
        "studentB, 2 3, 5",
        "studentB, 10 20, 200"
    })
    void shouldRunTheSampleFixturePrograms(String program, String stdin, String expected) {
        String source = switch (program) {
            case "reference" -> REFERENCE_SOLUTION;
            case "studentA" -> STUDENT_A_CODE;
            default -> STUDENT_B_CODE;
        };

        JsonNode result = run(source, stdin);

        assertThat(result.path("stdout").asString()).isEqualTo(expected + "\n");
        assertThat(result.path("status").path("id").asInt()).isEqualTo(3);
        assertThat(result.path("status").path("description").asString()).isEqualTo("Accepted");
        assertThat(result.get("stderr").isNull()).isTrue();
        assertThat(result.path("token").asString()).isNotBlank();
    }

    @Test
    void shouldIgnoreFormattingOfAKnownProgram() {
        assertThat(run("a, b = map(int, input().split())\n\nprint(a + b)\n", "4 5")
                        .path("stdout")
                        .asString())
                .isEqualTo("9\n");
    }

    @Test
    void shouldReportARuntimeErrorForBadInput() {
        JsonNode result = run(REFERENCE_SOLUTION, "2");

        assertThat(result.path("status").path("id").asInt()).isEqualTo(11);
        assertThat(result.path("stderr").asString()).contains("ValueError: not enough values to unpack");
    }

    @Test
    void shouldAnswerStatus11ForAnUnknownProgram() {
        JsonNode result = run("import os\nos.system('rm -rf /')", "");

        assertThat(result.path("status").path("id").asInt()).isEqualTo(11);
        assertThat(result.path("status").path("description").asString()).isEqualTo("Runtime Error (NZEC)");
        assertThat(result.path("stderr").asString()).isEqualTo(FakeJudge0.UNKNOWN_PROGRAM);
    }

    @Test
    void shouldPreferCannedOutputs() {
        judge0.registerStdout("STUDENT_OK", "1 2", "3\n")
                .register("CRASH", "1 2", Judge0Result.runtimeError("boom"))
                .registerForAnyInput("SLOW", Judge0Result.timeLimitExceeded())
                .registerForAnyInput("BROKEN", Judge0Result.compilationError("SyntaxError"))
                .registerStdout(REFERENCE_SOLUTION, "2 3", "canned\n");

        assertThat(run("STUDENT_OK", "1 2").path("stdout").asString()).isEqualTo("3\n");
        assertThat(run("CRASH", "1 2").path("status").path("id").asInt()).isEqualTo(11);
        assertThat(run("SLOW", "anything").path("status").path("description").asString())
                .isEqualTo("Time Limit Exceeded");
        assertThat(run("BROKEN", "").path("compile_output").asString()).isEqualTo("SyntaxError");
        assertThat(run(REFERENCE_SOLUTION, "2 3").path("stdout").asString()).isEqualTo("canned\n");
        assertThat(run("STUDENT_OK", "9 9").path("stderr").asString()).isEqualTo(FakeJudge0.UNKNOWN_PROGRAM);
    }

    @Test
    void shouldAnswer422WhenLanguageIdIsMissing() {
        HttpResponse<String> response = submit(REFERENCE_SOLUTION, "2 3", null);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).path("error").asString()).contains("language_id");
    }

    @Test
    void shouldRecordSubmissionsWithTheirLimits() {
        run(REFERENCE_SOLUTION, "2 3");

        RecordedSubmission submission = judge0.submissions().getFirst();
        assertThat(submission.languageId()).isEqualTo(PYTHON);
        assertThat(submission.stdin()).isEqualTo("2 3");
        assertThat(submission.cpuTimeLimit()).isEqualTo(2.0);
        assertThat(submission.memoryLimit()).isEqualTo(131072);
        assertThat(judge0.submissionCount()).isEqualTo(1);
    }

    @Test
    void shouldInject500WhenAsked() {
        judge0.faults().error500Rate(1.0);

        assertThat(submit(REFERENCE_SOLUTION, "2 3", PYTHON).statusCode()).isEqualTo(500);
    }
}
