package io.evalify.fakes.backend;

import static io.evalify.fakes.backend.SampleFixture.QUIZ_ID;
import static io.evalify.fakes.backend.SampleFixture.STUDENT_A;
import static io.evalify.fakes.backend.SampleFixture.STUDENT_B;
import static io.evalify.fakes.backend.SampleFixture.STUDENT_C;
import static io.evalify.fakes.common.TestHttp.get;
import static io.evalify.fakes.common.TestHttp.json;
import static io.evalify.fakes.common.TestHttp.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.evalify.fakes.common.TestHttp;
import io.evalify.schemas.Json;
import io.evalify.schemas.backend.QuizResponse;
import io.evalify.schemas.backend.QuizSettings;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FakeBackendTest {

    private static final String KEY = FakeBackend.DEFAULT_API_KEY;
    private static final String VALID_SAVE =
            "{\"score\": 11.5, \"totalScore\": 27, \"evaluationResult\": {\"v\": \"v1\", \"data\": {}}}";

    private FakeBackend backend;

    @BeforeEach
    void start() {
        backend = new FakeBackend().start();
        backend.loadSampleFixture();
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    private HttpResponse<String> getQuiz(String suffix) {
        return get(backend.baseUrl() + "/eval/quiz/" + suffix, "API_KEY", KEY);
    }

    private HttpResponse<String> save(String quizId, String studentId, String body, String... extraHeaders) {
        String[] headers = new String[extraHeaders.length + 2];
        headers[0] = "API_KEY";
        headers[1] = KEY;
        System.arraycopy(extraHeaders, 0, headers, 2, extraHeaders.length);
        return post(backend.baseUrl() + "/eval/quiz/" + quizId + "/save/" + studentId, body, headers);
    }

    @Test
    void shouldAnswer401WhenApiKeyIsWrong() {
        HttpResponse<String> response = get(backend.baseUrl() + "/eval/quiz/" + QUIZ_ID, "API_KEY", "wrong");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":\"Unauthorized\"}");
        assertThat(backend.unauthorizedCount()).isEqualTo(1);
    }

    @Test
    void shouldAnswer401WhenApiKeyIsMissing() {
        HttpResponse<String> response = get(backend.baseUrl() + "/eval/quiz/" + QUIZ_ID + "/question");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).path("error").asString()).isEqualTo("Unauthorized");
    }

    @Test
    void shouldServeAnyRequestWhenAuthIsOff() {
        backend.apiKey(null);

        assertThat(get(backend.baseUrl() + "/eval/quiz/" + QUIZ_ID).statusCode())
                .isEqualTo(200);
    }

    @Test
    void shouldServeQuizRowWrappedInQuiz() {
        HttpResponse<String> response = getQuiz(QUIZ_ID);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("quiz").path("id").asString()).isEqualTo(QUIZ_ID);
        assertThat(json(response).path("quiz").path("name").asString()).isEqualTo("Sample Quiz");
    }

    @Test
    void shouldAnswer404WhenQuizIsUnknown() {
        HttpResponse<String> response = getQuiz("nope");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"error\":\"Quiz not found\"}");
    }

    @Test
    void shouldServeAllQuestionsWithVersionWrappedData() {
        JsonNode data = json(getQuiz(QUIZ_ID + "/question")).path("data");

        assertThat(data).hasSize(7);
        assertThat(data.get(0).path("id").asString()).isEqualTo("q-mcq");
        assertThat(data.get(0).path("questionData").path("version").asInt()).isEqualTo(1);
        assertThat(data.get(0)
                        .path("solution")
                        .path("data")
                        .path("correctOptions")
                        .get(0)
                        .path("id")
                        .asString())
                .isEqualTo("o2");
    }

    @Test
    void shouldServeEmptyQuestionListForUnknownQuiz() {
        HttpResponse<String> response = getQuiz("nope/question");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"data\":[]}");
    }

    @Test
    void shouldServeOneQuestionOr404() {
        HttpResponse<String> found = getQuiz(QUIZ_ID + "/question/q-desc");
        HttpResponse<String> missing = getQuiz(QUIZ_ID + "/question/q-nope");

        assertThat(json(found).path("data").path("type").asString()).isEqualTo("DESCRIPTIVE");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"error\":\"Question not found\"}");
    }

    @Test
    void shouldServeBareSettingsIncludingNulls() {
        JsonNode settings = json(getQuiz(QUIZ_ID + "/settings"));

        assertThat(settings.path("id").asString()).isEqualTo(QUIZ_ID);
        assertThat(settings.path("mcqGlobalNegativePercent").asDouble()).isEqualTo(0.25);
        assertThat(settings.has("mcqGlobalNegativeMark")).isTrue();
        assertThat(settings.get("mcqGlobalNegativeMark").isNull()).isTrue();
        assertThat(settings.has("settings")).isFalse();
    }

    @Test
    void shouldAnswer404WhenSettingsAreMissing() {
        backend.removeSettings(QUIZ_ID);

        HttpResponse<String> response = getQuiz(QUIZ_ID + "/settings");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"error\":\"Settings not found\"}");
    }

    @Test
    void shouldListAllThreeStudentsIncludingNotSubmitted() {
        JsonNode rows = json(getQuiz(QUIZ_ID + "/student")).path("responses");

        assertThat(rows)
                .extracting(r -> r.path("studentId").asString())
                .containsExactly(STUDENT_A, STUDENT_B, STUDENT_C);
        assertThat(rows.get(2).path("submissionStatus").asString()).isEqualTo("NOT_SUBMITTED");
        assertThat(rows.get(2).get("response").isNull()).isTrue();
    }

    @Test
    void shouldListASaveMadeAfterTheListWasLastServed() {
        getQuiz(QUIZ_ID + "/student"); // serves (and keeps) the list once

        save(QUIZ_ID, STUDENT_A, VALID_SAVE);
        backend.removeResponse(QUIZ_ID, STUDENT_C);
        JsonNode rows = json(getQuiz(QUIZ_ID + "/student")).path("responses");

        assertThat(rows).extracting(r -> r.path("studentId").asString()).containsExactly(STUDENT_A, STUDENT_B);
        assertThat(rows.get(0).path("evaluationStatus").asString()).isEqualTo("EVALUATED");
    }

    @Test
    void shouldServeOneStudentOr404() {
        HttpResponse<String> found = getQuiz(QUIZ_ID + "/student/" + STUDENT_B);
        HttpResponse<String> missing = getQuiz(QUIZ_ID + "/student/nobody");

        assertThat(json(found).path("response").path("studentId").asString()).isEqualTo(STUDENT_B);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"error\":\"Quiz response not found\"}");
    }

    @Test
    void shouldAnswer404ForUnknownRoute() {
        HttpResponse<String> inside = getQuiz(QUIZ_ID + "/grades");
        HttpResponse<String> outside = get(backend.rootUrl() + "/elsewhere", "API_KEY", KEY);

        assertThat(inside.statusCode()).isEqualTo(404);
        assertThat(inside.body()).isEqualTo("{\"error\":\"Not found\"}");
        assertThat(outside.statusCode()).isEqualTo(404);
    }

    @Test
    void shouldAnswer500WhenSaveLacksScore() {
        HttpResponse<String> response = save(QUIZ_ID, STUDENT_A, "{\"totalScore\": 27, \"evaluationResult\": {}}");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"error\":\"Failed to save evaluation\"}");
        assertThat(backend.response(QUIZ_ID, STUDENT_A)
                        .orElseThrow()
                        .path("evaluationStatus")
                        .asString())
                .isEqualTo("NOT_EVALUATED");
        assertThat(backend.saves())
                .singleElement()
                .extracting(RecordedSave::status)
                .isEqualTo(500);
    }

    @Test
    void shouldAnswer500WhenScoreIsNotANumber() {
        assertThat(save(QUIZ_ID, STUDENT_A, "{\"score\": \"11\", \"totalScore\": 27}")
                        .statusCode())
                .isEqualTo(500);
        assertThat(save(QUIZ_ID, STUDENT_A, "not json").statusCode()).isEqualTo(500);
    }

    @Test
    void shouldStoreSaveAndMarkRowEvaluated() {
        HttpResponse<String> response = save(QUIZ_ID, STUDENT_A, VALID_SAVE, "Idempotency-Key", "job-1/" + STUDENT_A);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"message\":\"Evaluation saved successfully\"}");
        JsonNode row = json(getQuiz(QUIZ_ID + "/student/" + STUDENT_A)).path("response");
        assertThat(row.path("evaluationStatus").asString()).isEqualTo("EVALUATED");
        assertThat(row.path("score").asString()).isEqualTo("11.5");
        assertThat(row.path("totalScore").asString()).isEqualTo("27");
        assertThat(row.path("evaluationResults").path("v").asString()).isEqualTo("v1");
        RecordedSave recorded = backend.savesFor(QUIZ_ID, STUDENT_A).getFirst();
        assertThat(recorded.idempotencyKey()).contains("job-1/" + STUDENT_A);
        assertThat(recorded.body().path("score").asDouble()).isEqualTo(11.5);
        assertThat(recorded.rawBody()).isEqualTo(VALID_SAVE);
        assertThat(recorded.headers()).doesNotContainKey("api_key");
        assertThat(backend.saveCount()).isEqualTo(1);
        assertThat(backend.acceptedSaveCount()).isEqualTo(1);
    }

    @Test
    void shouldAnswer200WhenSavingAStudentWithoutRow() {
        HttpResponse<String> response = save(QUIZ_ID, "ghost", VALID_SAVE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(backend.response(QUIZ_ID, "ghost")).isEmpty();
    }

    @Test
    void shouldAcceptOldSaveShapeInLenientMode() {
        backend.lenientSave(true);

        HttpResponse<String> response = save(QUIZ_ID, STUDENT_B, "{\"data\": {\"q-mcq\": {}}, \"v\": 1}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode row = backend.response(QUIZ_ID, STUDENT_B).orElseThrow();
        assertThat(row.path("evaluationStatus").asString()).isEqualTo("EVALUATED");
        assertThat(row.path("evaluationResults").path("v").asInt()).isEqualTo(1);
    }

    @Test
    void shouldFailNextSavesThenSucceed() {
        backend.failNextSaves(QUIZ_ID, STUDENT_A, 2);

        List<Integer> statuses = IntStream.range(0, 3)
                .mapToObj(i -> save(QUIZ_ID, STUDENT_A, VALID_SAVE).statusCode())
                .toList();

        assertThat(statuses).containsExactly(500, 500, 200);
        assertThat(backend.savesFor(QUIZ_ID, STUDENT_A))
                .extracting(RecordedSave::accepted)
                .containsExactly(false, false, true);
    }

    @Test
    void shouldInject500WithTheRealMessagePerRoute() {
        backend.faults(BackendRoute.QUESTIONS).error500Rate(1.0);

        HttpResponse<String> questions = getQuiz(QUIZ_ID + "/question");
        HttpResponse<String> settings = getQuiz(QUIZ_ID + "/settings");

        assertThat(questions.statusCode()).isEqualTo(500);
        assertThat(questions.body()).isEqualTo("{\"error\":\"Failed to fetch quiz questions\"}");
        assertThat(settings.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldInject500OnSaveAndRecordIt() {
        backend.faults(BackendRoute.SAVE).error500Rate(1.0);

        assertThat(save(QUIZ_ID, STUDENT_A, VALID_SAVE).statusCode()).isEqualTo(500);
        assertThat(backend.acceptedSaveCount()).isZero();
        assertThat(backend.saveCount()).isEqualTo(1);
    }

    @Test
    void shouldFailListedStudentsWith404() {
        backend.failStudentsWith404(STUDENT_A);

        HttpResponse<String> response = getQuiz(QUIZ_ID + "/student/" + STUDENT_A);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"error\":\"Quiz response not found\"}");
        assertThat(getQuiz(QUIZ_ID + "/student/" + STUDENT_B).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldHangLongerThanTheClientTimeout() {
        backend.faults(BackendRoute.SETTINGS).hang(Duration.ofSeconds(5));

        assertThatThrownBy(() -> TestHttp.getWithTimeout(
                        backend.baseUrl() + "/eval/quiz/" + QUIZ_ID + "/settings",
                        Duration.ofMillis(200),
                        "API_KEY",
                        KEY))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void shouldCountRequestsPerRouteAndQuiz() {
        getQuiz(QUIZ_ID + "/question");
        getQuiz(QUIZ_ID + "/question");
        getQuiz("other/question");

        assertThat(backend.requestCount(BackendRoute.QUESTIONS, QUIZ_ID)).isEqualTo(2);
        assertThat(backend.requestCount(BackendRoute.QUESTIONS)).isEqualTo(3);
        assertThat(backend.requestCount(BackendRoute.SETTINGS, QUIZ_ID)).isZero();

        backend.resetRecordings();
        assertThat(backend.requestCount(BackendRoute.QUESTIONS)).isZero();
    }

    @Test
    void shouldServeRowsAndQuestionsPutByTests() {
        backend.putResponse(new QuizResponse("quiz-x", "s1", null, "SUBMITTED", "EVALUATED_MANUALLY"));
        JsonNode question = Json.mapper()
                .readTree("{\"id\": \"q1\", \"type\": \"MCQ\", \"marks\": 1, \"negativeMarks\": null,"
                        + " \"questionData\": {\"version\": 1, \"data\": {}}, \"solution\": null}");
        backend.putQuestions("quiz-x", List.of(question));
        backend.putSettings(
                "quiz-x", new QuizSettings("quiz-x", false, null, 25.0, false, false, null, null, null, null));

        JsonNode row = json(getQuiz("quiz-x/student/s1")).path("response");
        JsonNode served = json(getQuiz("quiz-x/question")).path("data").get(0);

        assertThat(row.path("evaluationStatus").asString()).isEqualTo("EVALUATED_MANUALLY");
        assertThat(row.has("startTime")).isTrue();
        assertThat(served.get("negativeMarks").isNull()).isTrue();
        assertThat(served.path("questionId").asString()).isEqualTo("q1");
        assertThat(json(getQuiz("quiz-x/settings"))
                        .path("mcqGlobalNegativePercent")
                        .asDouble())
                .isEqualTo(25.0);

        assertThat(backend.removeResponse("quiz-x", "s1")).isTrue();
        assertThat(getQuiz("quiz-x/student/s1").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldSustainManyConcurrentRequests() {
        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 500)
                .mapToObj(i -> TestHttp.postAsync(
                        backend.baseUrl() + "/eval/quiz/" + QUIZ_ID + "/save/s" + i, VALID_SAVE, "API_KEY", KEY))
                .toList();

        assertThat(calls)
                .allSatisfy(call -> assertThat(call.join().statusCode()).isEqualTo(200));
        assertThat(backend.saveCount()).isEqualTo(500);
    }
}
