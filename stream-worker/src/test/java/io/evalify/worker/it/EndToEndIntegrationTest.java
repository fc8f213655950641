package io.evalify.worker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.evalify.fakes.backend.BackendRoute;
import io.evalify.fakes.backend.GeneratedQuizSpec;
import io.evalify.fakes.backend.RecordedSave;
import io.evalify.fakes.backend.SampleFixture;
import io.evalify.schemas.job.JobStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The whole path on a real broker and a real Redis: API → Kafka → Streams routing → lane → backend → Redis. */
class EndToEndIntegrationTest {

    private static EvalifyStack stack;

    @BeforeAll
    static void startStack() {
        stack = EvalifyStack.start();
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    @Test
    void shouldGradeEveryStudentOfAGeneratedQuizOnceWithTheScoresTheRulesGive() {
        var quizId = EvalifyStack.quizId("quiz-e2e-generated");
        stack.backend()
                .generateQuiz(GeneratedQuizSpec.builder(quizId)
                        .students(200)
                        .questions(12)
                        .seed(42)
                        .types("MCQ", "MMCQ", "TRUE_FALSE")
                        .build());

        var jobId = stack.submit(quizId);
        var done = stack.awaitStatus(jobId, JobStatus.COMPLETED, Duration.ofSeconds(90));

        assertThat(done.counts().total()).isEqualTo(200);
        assertThat(done.counts().succeeded()).isEqualTo(200);
        assertThat(done.counts().failed()).isZero();
        assertThat(done.counts().processed()).isEqualTo(200);
        assertThat(done.percent()).isEqualTo(100.0);
        var saves = acceptedSaves(jobId);
        assertThat(saves).hasSize(200);
        // Questions and settings: once by the API to plan the job, once by the worker for all 200 students.
        assertThat(stack.backend().requestCount(BackendRoute.QUESTIONS, quizId)).isEqualTo(2);
        assertThat(stack.backend().requestCount(BackendRoute.SETTINGS, quizId)).isEqualTo(1);
        saves.forEach((student, list) -> {
            assertThat(list).as("saves of %s", student).hasSize(1);
            assertScoresFollowTheRules(quizId, student, list.getFirst().body());
        });
    }

    @Test
    void shouldGradeTheSampleFixtureAndSaveABodyTheRealRouteAccepts() {
        stack.backend().loadSampleFixture();

        var jobId = stack.submit(SampleFixture.QUIZ_ID);
        var done = stack.awaitStatus(jobId, JobStatus.COMPLETED, Duration.ofSeconds(60));

        // Student C never submitted: without a filter only submitted responses are graded.
        assertThat(done.counts().total()).isEqualTo(2);
        var saves = acceptedSaves(jobId);
        assertThat(saves.keySet()).containsExactlyInAnyOrder(SampleFixture.STUDENT_A, SampleFixture.STUDENT_B);
        var a = saves.get(SampleFixture.STUDENT_A).getFirst();
        assertThat(a.body().path("totalScore").asDouble()).isEqualTo(27.0);
        assertThat(a.body().path("evaluationResult").path("v").asString()).isEqualTo("v1");
        assertThat(a.body().path("evaluationResult").path("data").properties()).hasSize(7);
        assertThat(a.idempotencyKey()).contains(jobId + ":" + SampleFixture.STUDENT_A);
    }

    @Test
    void shouldSaveExactlyTheExpectedBodyForEachStudentOfTheSampleFixture() throws Exception {
        stack.backend().loadSampleFixture();
        var body =
                "{\"quiz_id\":\"%s\",\"filters\":{\"student_ids\":[\"%s\",\"%s\",\"%s\"]},\"config\":{\"force\":true}}"
                        .formatted(
                                SampleFixture.QUIZ_ID,
                                SampleFixture.STUDENT_A,
                                SampleFixture.STUDENT_B,
                                SampleFixture.STUDENT_C);
        var accepted = stack.post("/api/v1/jobs/evaluation", body);
        var jobId = accepted.body().path("job_id").asString();

        var done = stack.awaitStatus(jobId, JobStatus.COMPLETED, Duration.ofSeconds(60));

        assertThat(done.counts().succeeded()).isEqualTo(3);
        for (var student : List.of(SampleFixture.STUDENT_A, SampleFixture.STUDENT_B, SampleFixture.STUDENT_C)) {
            var saved = stack.backend()
                    .savesFor(SampleFixture.QUIZ_ID, student)
                    .getLast()
                    .body();
            var expected = expectedBody(student.substring(0, 1));
            if (!saved.equals(expected)) {
                java.nio.file.Files.writeString(
                        java.nio.file.Path.of("target", "actual-" + student.charAt(0) + ".json"),
                        io.evalify.schemas.Json.mapper()
                                .writerWithDefaultPrettyPrinter()
                                .writeValueAsString(saved));
            }
            assertThat(saved).as("saved body of student %s", student.charAt(0)).isEqualTo(expected);
        }
    }

    private static JsonNode expectedBody(String student) throws java.io.IOException {
        try (var in =
                EndToEndIntegrationTest.class.getResourceAsStream("/expected/sample-student-" + student + ".json")) {
            return in == null
                    ? io.evalify.schemas.Json.mapper().nullNode()
                    : io.evalify.schemas.Json.mapper().readTree(in);
        }
    }

    @Test
    void shouldCompleteAJobWithoutStudentsAtOnce() {
        var quizId = EvalifyStack.quizId("quiz-e2e-empty");
        stack.backend()
                .generateQuiz(GeneratedQuizSpec.builder(quizId)
                        .students(3)
                        .questions(2)
                        .seed(1)
                        .types("MCQ")
                        .notSubmitted(3)
                        .build());

        var response = stack.post("/api/v1/jobs/evaluation", "{\"quiz_id\":\"" + quizId + "\"}");

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.body().path("status").asString()).isEqualTo("COMPLETED");
        var status = stack.status(response.body().path("job_id").asString());
        assertThat(status.counts().total()).isZero();
        assertThat(status.finishedAt()).isNotNull();
    }

    /** The accepted saves of one job (its saves carry Idempotency-Key {@code jobId:studentId}). */
    private static Map<String, List<RecordedSave>> acceptedSaves(String jobId) {
        return stack.backend().saves().stream()
                .filter(s -> s.accepted() && s.idempotencyKey().orElse("").startsWith(jobId + ":"))
                .collect(Collectors.groupingBy(RecordedSave::studentId));
    }

    private static void assertScoresFollowTheRules(String quizId, String student, JsonNode body) {
        var questions = stack.backend().questions(quizId);
        var answers = stack.backend().response(quizId, student).orElseThrow().path("response");
        double expected = 0;
        double total = 0;
        for (var question : questions) {
            var id = question.path("id").asString();
            var answer = answers.has(id) ? answers.get(id) : null;
            double marks = ObjectiveOracle.marks(question, answer, true);
            expected += marks;
            total += question.path("marks").asDouble();
            assertThat(body.path("evaluationResult")
                            .path("data")
                            .path(id)
                            .path("mark")
                            .asDouble())
                    .as("%s question %s", student, id)
                    .isCloseTo(marks, within(0.011));
        }
        assertThat(body.path("score").asDouble()).isCloseTo(Math.max(0, expected), within(0.011));
        assertThat(body.path("totalScore").asDouble()).isCloseTo(total, within(0.011));
    }
}
