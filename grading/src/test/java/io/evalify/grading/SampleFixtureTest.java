package io.evalify.grading;

import static io.evalify.grading.support.OutcomeAssert.assertThatOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.fakes.judge0.FakeJudge0;
import io.evalify.fakes.llm.FakeLlm;
import io.evalify.grading.judge0.Judge0Client;
import io.evalify.grading.judge0.Judge0Config;
import io.evalify.grading.support.LlmFixtures;
import io.evalify.schemas.Json;
import io.evalify.schemas.backend.Question;
import io.evalify.schemas.backend.QuizSettings;
import io.evalify.schemas.result.QuestionOutcome;
import io.evalify.schemas.result.SaveBody;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The fakes' sample fixture (one question per type, students A, B, C) graded end to end through the fake LLM and fake
 * Judge0 over HTTP. Differences from the old evaluator's table: A's MATCHING is Correct, B's TRUE_FALSE takes its -0.25
 * penalty, descriptive is graded, and C gets zeros with "No answer provided" instead of ERRORs.
 */
class SampleFixtureTest {

    private static final String STUDENT_A = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
    private static final String STUDENT_B = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";
    private static final String STUDENT_C = "cccccccc-cccc-4ccc-8ccc-cccccccccccc";

    @AutoClose
    private final FakeLlm llm = new FakeLlm().start();

    @AutoClose
    private final FakeJudge0 judge0 = new FakeJudge0().start();

    private JsonNode fixture;
    private StudentGrader grader;

    @BeforeEach
    void loadFixture() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/io/evalify/fakes/backend/evalify-sample-fixture.json")) {
            fixture = Json.mapper().readTree(in);
        }
        grader = LlmFixtures.studentGrader(
                llm, new Judge0Client(new Judge0Config(judge0.rootUrl(), Duration.ofSeconds(5))));
    }

    @Test
    void shouldGradeStudentAWithEverythingRight() {
        SaveBody body = gradeStudent(STUDENT_A);
        Map<String, QuestionOutcome> data = body.evaluationResult().data();
        assertThatOutcome(data.get("q-mcq")).isEvaluated(2.0, "Correct");
        assertThatOutcome(data.get("q-mmcq")).isEvaluated(4.0, "Correct");
        assertThatOutcome(data.get("q-tf")).isEvaluated(1.0, "Correct");
        assertThatOutcome(data.get("q-fitb")).isEvaluated(3.0, "Correct");
        assertThatOutcome(data.get("q-match")).isEvaluated(2.0, "Correct");
        assertThatOutcome(data.get("q-desc"))
                .isEvaluated(
                        3.0,
                        "Matched: light, energy, into, chemical, glucose. Missing: photosynthesis, converts, stored.");
        assertThatOutcome(data.get("q-code")).isEvaluated(10.0, "Passed 2/2 test cases");
        assertThat(body.score()).isEqualTo(25.0);
        assertThat(body.totalScore()).isEqualTo(27.0);
    }

    @Test
    void shouldGradeStudentBWithMixedAnswers() {
        SaveBody body = gradeStudent(STUDENT_B);
        Map<String, QuestionOutcome> data = body.evaluationResult().data();
        assertThatOutcome(data.get("q-mcq")).isEvaluated(-0.5, "Incorrect");
        assertThatOutcome(data.get("q-mmcq")).isEvaluated(2.0, "Partially correct");
        assertThatOutcome(data.get("q-tf")).isEvaluated(-0.25, "Incorrect");
        assertThatOutcome(data.get("q-fitb")).isEvaluated(1.0, "Partially correct");
        assertThatOutcome(data.get("q-match")).isEvaluated(2.0, "Correct");
        assertThatOutcome(data.get("q-desc")).isNoAnswer();
        assertThatOutcome(data.get("q-code")).isEvaluated(4.0, "Passed 1/2 test cases");
        assertThat(body.score()).isEqualTo(8.25);
        assertThat(body.totalScore()).isEqualTo(27.0);
    }

    @Test
    void shouldGiveTheNotSubmittedStudentCZerosWithoutRemoteCalls() {
        SaveBody body = gradeStudent(STUDENT_C);
        body.evaluationResult()
                .data()
                .values()
                .forEach(outcome -> assertThatOutcome(outcome).isNoAnswer());
        assertThat(body.evaluationResult().data()).hasSize(7);
        assertThat(body.score()).isZero();
        assertThat(body.totalScore()).isEqualTo(27.0);
        assertThat(llm.requestCount()).isZero();
        assertThat(judge0.submissionCount()).isZero();
    }

    @Test
    void shouldCallEachRemoteOnlyAsOftenAsNeededAcrossStudents() {
        List.of(STUDENT_A, STUDENT_B, STUDENT_C).forEach(this::gradeStudent);
        assertThat(llm.requestCount()).as("one descriptive answer").isEqualTo(1);
        assertThat(judge0.submissionCount())
                .as("reference twice, then A and B twice each")
                .isEqualTo(6);
    }

    @Test
    void shouldKeepTheQuizQuestionOrderAndSerialiseTheUiShape() {
        SaveBody body = gradeStudent(STUDENT_A);
        assertThat(body.evaluationResult().data().keySet())
                .containsExactly("q-mcq", "q-mmcq", "q-tf", "q-fitb", "q-match", "q-desc", "q-code");
        JsonNode json = Json.mapper().valueToTree(body);
        JsonNode mcq = json.path("evaluationResult").path("data").path("q-mcq");
        assertThat(json.path("evaluationResult").path("v").asString()).isEqualTo("v1");
        assertThat(mcq.path("status").asString()).isEqualTo("EVALUATED");
        assertThat(mcq.path("mark").asDouble()).isEqualTo(2.0);
        assertThat(mcq.path("question_type").asString()).isEqualTo("MCQ");
        assertThat(mcq.has("metrics"))
                .as("no timing: redelivered saves must be identical")
                .isFalse();
    }

    private SaveBody gradeStudent(String studentId) {
        List<Question> questions = new ArrayList<>();
        fixture.path("questions").forEach(q -> questions.add(Json.mapper().treeToValue(q, Question.class)));
        QuizSettings settings = Json.mapper().treeToValue(fixture.path("settings"), QuizSettings.class);
        return grader.grade(fixture.path("quizId").asString(), studentId, questions, settings, responseOf(studentId));
    }

    private JsonNode responseOf(String studentId) {
        for (JsonNode row : fixture.path("responses")) {
            if (row.path("studentId").asString().equals(studentId)) {
                return row.path("response");
            }
        }
        throw new IllegalArgumentException(studentId);
    }
}
