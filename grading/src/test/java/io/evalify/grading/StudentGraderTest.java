package io.evalify.grading;

import static io.evalify.grading.support.OutcomeAssert.assertThatOutcome;
import static io.evalify.grading.support.QuestionBuilder.aQuestion;
import static io.evalify.grading.support.SettingsBuilder.aQuiz;
import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.grading.support.Grading;
import io.evalify.schemas.Json;
import io.evalify.schemas.backend.Question;
import io.evalify.schemas.result.SaveBody;
import io.evalify.schemas.task.TaskLane;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public entry point: one bad question never fails more than itself. */
class StudentGraderTest {

    @Test
    void shouldErrorOnlyTheMalformedQuestionsAmongGoodOnes() {
        List<Question> questions = List.of(
                aQuestion().id("good-1").mcq("a").build(),
                aQuestion().id("no-solution").mcq().build(),
                aQuestion()
                        .id("bad-fitb")
                        .raw(
                                "FILL_THE_BLANK",
                                "{\"config\": {\"evaluationType\": \"LENIENT\"}}",
                                "{\"acceptableAnswers\": {\"0\": {\"answers\": [\"x\"]}}}")
                        .build(),
                aQuestion().id("no-marks").mcq("a").marks(null).build(),
                aQuestion()
                        .id("bad-matching")
                        .raw("MATCHING", "{}", "{\"options\": \"nope\"}")
                        .build(),
                aQuestion()
                        .id("bad-coding")
                        .raw("CODING", "{\"config\": {\"language\": \"COBOL\"}}", "{}")
                        .build(),
                aQuestion().id("good-2").trueFalse(true).build());
        SaveBody body = Grading.rulesOnly().grade("quiz", "s", questions, aQuiz().build(), Grading.json("""
                {"good-1": {"studentAnswer": "a"}, "no-solution": {"studentAnswer": "a"},
                 "bad-fitb": {"studentAnswer": {"0": "x"}}, "no-marks": {"studentAnswer": "a"},
                 "bad-matching": {"studentAnswer": {"L1": ["R1"]}}, "bad-coding": {"studentAnswer": {"code": "x"}},
                 "good-2": {"studentAnswer": "True"}}"""));
        var data = body.evaluationResult().data();
        assertThatOutcome(data.get("good-1")).isEvaluated(1.0, "Correct");
        assertThatOutcome(data.get("no-solution")).isErrorContaining("Invalid question data: no correct option");
        assertThatOutcome(data.get("bad-fitb"))
                .isErrorContaining("Invalid question data: unknown evaluationType LENIENT");
        assertThatOutcome(data.get("no-marks")).isErrorContaining("Invalid question data");
        assertThatOutcome(data.get("bad-matching")).isErrorContaining("Invalid question data");
        assertThatOutcome(data.get("bad-coding")).isErrorContaining("Invalid question data: unknown language COBOL");
        assertThatOutcome(data.get("good-2")).isEvaluated(1.0, "Correct");
        assertThat(body.score()).isEqualTo(2.0);
        assertThat(body.totalScore()).isEqualTo(6.0);
    }

    @Test
    void shouldErrorEveryQuestionWhenTheResponseIsNotAnObject() {
        SaveBody body = Grading.rulesOnly()
                .grade(
                        "quiz",
                        "s",
                        List.of(aQuestion().mcq("a").build()),
                        null,
                        Json.mapper().readTree("[1]"));
        assertThatOutcome(body.evaluationResult().data().get("q1")).isErrorContaining("response is not a JSON object");
    }

    @Test
    void shouldUseDefaultSettingsWhenTheQuizHasNone() {
        Question question = aQuestion().mmcq("a", "b").marks(2.0).build();
        SaveBody body =
                Grading.rulesOnly().grade("quiz", "s", List.of(question), null, Grading.response("q1", List.of("a")));
        assertThatOutcome(body.evaluationResult().data().get("q1")).isEvaluated(0.0, "Incorrect");
    }

    @Test
    void shouldChooseTheLaneOfTheSlowestDependency() {
        Question mcq = aQuestion().mcq("a").build();
        Question code = aQuestion().type("CODING").build();
        Question desc = aQuestion().descriptive("x").build();
        Question hybrid = aQuestion()
                .fillBlank("hybrid", Map.of(), Map.of("0", List.of("a")))
                .build();
        Question normal = aQuestion()
                .fillBlank("NORMAL", Map.of(), Map.of("0", List.of("a")))
                .build();
        assertThat(TaskLane.of(List.of(mcq, normal))).isEqualTo(TaskLane.OBJECTIVE);
        assertThat(TaskLane.of(List.of(mcq, code))).isEqualTo(TaskLane.CODING);
        assertThat(TaskLane.of(List.of(code, desc))).isEqualTo(TaskLane.LLM);
        assertThat(TaskLane.of(List.of(code, hybrid))).isEqualTo(TaskLane.LLM);
        assertThat(TaskLane.of(List.of())).isEqualTo(TaskLane.OBJECTIVE);
    }
}
