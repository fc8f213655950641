package io.evalify.grading;

import static io.evalify.grading.support.OutcomeAssert.assertThatOutcome;
import static io.evalify.grading.support.QuestionBuilder.aQuestion;
import static io.evalify.grading.support.SettingsBuilder.aQuiz;
import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.grading.support.Grading;
import io.evalify.grading.support.Source;
import io.evalify.schemas.Json;
import io.evalify.schemas.backend.Question;
import io.evalify.schemas.backend.QuizSettings;
import io.evalify.schemas.result.QuestionStatus;
import io.evalify.schemas.result.SaveBody;
import io.evalify.schemas.task.TaskLane;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The public entry point and the rules common to every question type: one bad question never fails more than
 * itself, unanswered is never penalised, nothing vanishes from the result, and the student's totals.
 */
class StudentGraderTest {

    private static final QuizSettings DEFAULTS = aQuiz().build();

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

    @Test
    @Source.Fix("unwrapped questionData: accepted")
    void shouldAcceptUnwrappedQuestionData() {
        Question question = aQuestion().mcq("a").unwrapped().build();
        assertThatOutcome(Grading.grade(question, "a", DEFAULTS)).isEvaluated(1.0, "Correct");
    }

    @Test
    @Source.Fix("unknown question type: ERROR \"Unsupported question type: X\", kept in the result")
    void shouldErrorOnlyTheQuestionOfAnUnknownType() {
        Question odd = aQuestion().id("q-odd").type("ESSAY_PLUS").build();
        Question mcq = aQuestion().id("q-mcq").mcq("a").build();
        SaveBody body = Grading.rulesOnly()
                .grade(
                        "quiz",
                        "s",
                        List.of(odd, mcq),
                        DEFAULTS,
                        Grading.json("{\"q-mcq\": {\"studentAnswer\": \"a\"}, \"q-odd\": {\"studentAnswer\": \"x\"}}"));
        assertThatOutcome(body.evaluationResult().data().get("q-odd"))
                .isErrorContaining("Unsupported question type: ESSAY_PLUS");
        assertThatOutcome(body.evaluationResult().data().get("q-mcq")).isEvaluated(1.0, "Correct");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "MCQ|null",
                "MCQ|\"\"",
                "MCQ|\"   \"",
                "MMCQ|[]",
                "MMCQ|\"\"",
                "TRUE_FALSE|\"\"",
                "FILL_THE_BLANK|{}",
                "FILL_THE_BLANK|{\"0\": \"  \"}",
                "MATCHING|{}",
                "MATCHING|[]",
                "DESCRIPTIVE|\"<p></p>\"",
                "CODING|{\"code\": \"  \", \"language\": \"PYTHON\"}"
            })
    @Source.Fix("unanswered (null, \"\", [], {}, blank code): 0 \"No answer provided\", never a penalty or an ERROR")
    void shouldGiveNoAnswerWithoutPenaltyForEmptyAnswers(String type, String answerJson) {
        Question question = anyOf(type);
        QuizSettings harsh = aQuiz().negativeMark(1.0).build();
        assertThatOutcome(Grading.grade(question, Grading.json(answerJson), harsh))
                .isNoAnswer();
    }

    @Test
    @Source.Fix("student C (NOT_SUBMITTED): all 0 \"No answer provided\"")
    void shouldGiveNoAnswerForEveryQuestionOfANotSubmittedStudent() {
        List<Question> questions = List.of(anyOf("MCQ"), anyOf("MMCQ"), anyOf("FILL_THE_BLANK"), anyOf("CODING"));
        SaveBody body = Grading.rulesOnly().grade("quiz", "s", questions, DEFAULTS, null);
        body.evaluationResult()
                .data()
                .values()
                .forEach(outcome -> assertThatOutcome(outcome).isNoAnswer());
    }

    @Test
    @Source.Fix("FILE_UPLOAD: NOT_EVALUATED \"File uploads are graded by a person\"")
    void shouldKeepFileUploadsAsNotEvaluated() {
        Question question = aQuestion().type("FILE_UPLOAD").marks(5.0).build();
        assertThatOutcome(Grading.grade(question, Map.of("fileUrl", "u", "fileName", "f", "fileSize", 1), DEFAULTS))
                .isNotEvaluated("File uploads are graded by a person");
    }

    @Test
    @Source.Fix("student totals: score and totalScore are sent")
    void shouldClampTheStudentsScoreAtZeroAndCountEveryQuestionInTheTotal() {
        Question mcq =
                aQuestion().id("m").mcq("a").marks(2.0).negativeMarks(2.0).build();
        Question upload = aQuestion().id("f").type("FILE_UPLOAD").marks(3.0).build();
        SaveBody body = Grading.rulesOnly()
                .grade(
                        "quiz",
                        "s",
                        List.of(mcq, upload),
                        DEFAULTS,
                        Grading.json("{\"m\": {\"studentAnswer\": \"b\"}}"));
        assertThat(body.score()).isZero();
        assertThat(body.totalScore()).isEqualTo(5.0);
        assertThat(body.evaluationResult().data().get("m").mark()).isEqualTo(-2.0);
        assertThat(body.evaluationResult().data().get("f").evaluationStatus()).isEqualTo(QuestionStatus.NOT_EVALUATED);
    }

    @Test
    @Source.Fix("student totals: penalties count inside the sum")
    void shouldAddPenaltiesIntoAPositiveTotal() {
        Question right = aQuestion().id("r").mcq("a").marks(2.0).build();
        Question wrong =
                aQuestion().id("w").mcq("a").marks(2.0).negativeMarks(0.5).build();
        SaveBody body = Grading.rulesOnly()
                .grade(
                        "quiz",
                        "s",
                        List.of(right, wrong),
                        DEFAULTS,
                        Grading.json("{\"r\": {\"studentAnswer\": \"a\"}, \"w\": {\"studentAnswer\": \"b\"}}"));
        assertThat(body.score()).isEqualTo(1.5);
        assertThat(body.totalScore()).isEqualTo(4.0);
    }

    /** A well-formed question of each type, for the rules every type shares. */
    static Question anyOf(String type) {
        return switch (type) {
            case "MCQ" -> aQuestion().id("mcq").mcq("a").build();
            case "MMCQ" -> aQuestion().id("mmcq").mmcq("a").build();
            case "TRUE_FALSE" -> aQuestion().id("tf").trueFalse(true).build();
            case "FILL_THE_BLANK" ->
                aQuestion()
                        .id("fitb")
                        .fillBlank("NORMAL", Map.of(), Map.of("0", List.of("a")))
                        .build();
            case "MATCHING" ->
                aQuestion().id("match").matching(Map.of("L1", List.of("R1"))).build();
            case "DESCRIPTIVE" ->
                aQuestion().id("desc").descriptive("Model answer").build();
            case "CODING" ->
                aQuestion()
                        .id("code")
                        .raw(
                                "CODING",
                                "{\"config\": {\"language\": \"PYTHON\"}, \"testCases\": [{\"id\": \"t1\", \"input\": \"\"}]}",
                                "{\"testCases\": [{\"id\": \"t1\", \"expectedOutput\": \"1\"}]}")
                        .build();
            default -> throw new IllegalArgumentException(type);
        };
    }
}
