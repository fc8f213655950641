package io.evalify.grading;

import static io.evalify.grading.support.Grading.grade;
import static io.evalify.grading.support.OutcomeAssert.assertThatOutcome;
import static io.evalify.grading.support.QuestionBuilder.aQuestion;
import static io.evalify.grading.support.SettingsBuilder.aQuiz;
import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.grading.support.Grading;
import io.evalify.schemas.backend.Question;
import io.evalify.schemas.backend.QuizSettings;
import io.evalify.schemas.result.QuestionStatus;
import io.evalify.schemas.result.SaveBody;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fixes of reference §9 items 7-11, 13 and 17 (item 12, CODING, is in {@code CodingGraderTest}). */
class KnownBugFixesTest {

    private static final QuizSettings DEFAULTS = aQuiz().build();

    // ---- §9.7 one unexpected value fails only its question ------------------------------------

    @Test
    void shouldAcceptANullPerQuestionNegativeMark() {
        Question question = aQuestion().mcq("a").negativeMarks(null).build();
        assertThatOutcome(grade(question, "b", DEFAULTS)).isEvaluated(0.0, "Incorrect");
    }

    @Test
    void shouldAcceptUnwrappedQuestionData() {
        Question question = aQuestion().mcq("a").unwrapped().build();
        assertThatOutcome(grade(question, "a", DEFAULTS)).isEvaluated(1.0, "Correct");
    }

    @Test
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
    @CsvSource({"25, -0.5", "0.25, -0.5", "100, -2.0", "1, -2.0", "0, 0.0"})
    void shouldReadTheNegativePercentAsAFractionOrAPercent(double percent, double expected) {
        Question question = aQuestion().mcq("a").marks(2.0).build();
        assertThatOutcome(grade(question, "b", aQuiz().negativePercent(percent).build()))
                .isEvaluated(expected, "Incorrect");
    }

    @Test
    void shouldErrorOnANegativePercentAboveOneHundred() {
        Question question = aQuestion().mcq("a").build();
        assertThatOutcome(grade(question, "b", aQuiz().negativePercent(150.0).build()))
                .isErrorContaining("Invalid quiz settings: mcqGlobalNegativePercent");
    }

    // ---- §9.8 unanswered means 0 "No answer provided", never a penalty or an ERROR ---------------

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
    void shouldGiveNoAnswerWithoutPenaltyForEmptyAnswers(String type, String answerJson) {
        Question question = anyOf(type);
        QuizSettings harsh = aQuiz().negativeMark(1.0).build();
        assertThatOutcome(grade(question, Grading.json(answerJson), harsh)).isNoAnswer();
    }

    @Test
    void shouldGiveNoAnswerForEveryQuestionOfANotSubmittedStudent() {
        List<Question> questions = List.of(anyOf("MCQ"), anyOf("MMCQ"), anyOf("FILL_THE_BLANK"), anyOf("CODING"));
        SaveBody body = Grading.rulesOnly().grade("quiz", "s", questions, DEFAULTS, null);
        body.evaluationResult()
                .data()
                .values()
                .forEach(outcome -> assertThatOutcome(outcome).isNoAnswer());
    }

    // ---- §9.9 MATCHING compares left items only ----------------------------------------------

    @Test
    void shouldTreatAMissingLeftItemAsEmpty() {
        Question question = matching();
        assertThatOutcome(grade(question, Map.of("L1", List.of("R1")), DEFAULTS))
                .isEvaluated(0.0, "Incorrect");
    }

    @Test
    void shouldGiveAShareOfLeftItemsWithPartialMarking() {
        Question question = matching();
        assertThatOutcome(grade(
                        question,
                        Map.of("L1", List.of("R1")),
                        aQuiz().partialMarking().build()))
                .isEvaluated(1.0, "Partially correct");
    }

    @Test
    void shouldAcceptTheLegacyOneToOneForm() {
        assertThatOutcome(grade(matching(), Map.of("L1", "R1", "L2", "R2"), DEFAULTS))
                .isEvaluated(2.0, "Correct");
    }

    @Test
    void shouldIgnoreRightSideKeysInTheAnswer() {
        Map<String, List<String>> answer =
                Map.of("L1", List.of("R1"), "L2", List.of("R2"), "R1", List.of("L1"), "R3", List.of("x"));
        assertThatOutcome(grade(matching(), answer, DEFAULTS)).isEvaluated(2.0, "Correct");
    }

    @Test
    void shouldTakeLeftItemsFromIsLeftInTheQuestionData() {
        Question question = aQuestion()
                .raw(
                        "MATCHING",
                        """
                {"options": [{"id": "L1", "isLeft": true}, {"id": "L2", "isLeft": true}, {"id": "R1", "isLeft": false}]}""",
                        "{\"options\": [{\"id\": \"L1\", \"matchPairIds\": [\"R1\"]}, {\"id\": \"R1\", \"matchPairIds\": []}]}")
                .build();
        assertThatOutcome(grade(question, Map.of("L1", List.of("R1")), DEFAULTS))
                .isEvaluated(1.0, "Correct");
    }

    // ---- §9.10 FILL_THE_BLANK answer types ---------------------------------------------------

    @ParameterizedTest
    @CsvSource({"42.0, true", "42, true", "4.2e1, true", "42.5, false", "forty-two, false"})
    void shouldCompareNumberBlanksNumerically(String given, boolean correct) {
        Question question = aQuestion()
                .fillBlank("STRICT", Map.of(), Map.of("0", List.of("42")), "NUMBER")
                .build();
        assertThat(grade(question, Map.of("0", given), DEFAULTS).mark()).isEqualTo(correct ? 1.0 : 0.0);
    }

    @ParameterizedTest
    @CsvSource({"UPPERCASE, NASA, 1.0", "UPPERCASE, nasa, 0.0", "LOWERCASE, ph, 1.0", "LOWERCASE, PH, 0.0"})
    void shouldRequireTheDeclaredCaseInStrictMode(String type, String given, double mark) {
        String answer = type.equals("UPPERCASE") ? "nasa" : "PH";
        Question question = aQuestion()
                .fillBlank("STRICT", Map.of(), Map.of("0", List.of(answer)), type)
                .build();
        assertThat(grade(question, Map.of("0", given), DEFAULTS).mark()).isEqualTo(mark);
    }

    @Test
    void shouldErrorWhenWeightsMissABlank() {
        Question question = aQuestion()
                .fillBlank("NORMAL", Map.of("0", 1), Map.of("0", List.of("a"), "1", List.of("b")))
                .build();
        assertThatOutcome(grade(question, Map.of("0", "a"), DEFAULTS))
                .isErrorContaining("Missing blank weights for blanks: 1");
    }

    // ---- §9.11 negative marking for TRUE_FALSE and per-question negativeMarks ------------------

    @Test
    void shouldPenaliseAWrongTrueFalseWithItsOwnNegativeMarks() {
        Question question = aQuestion().trueFalse(false).negativeMarks(0.25).build();
        assertThatOutcome(grade(question, "True", DEFAULTS)).isEvaluated(-0.25, "Incorrect");
    }

    @Test
    void shouldNotApplyQuizMcqPenaltiesToTrueFalse() {
        Question question = aQuestion().trueFalse(false).build();
        assertThatOutcome(grade(question, "True", aQuiz().negativeMark(1.0).build()))
                .isEvaluated(0.0, "Incorrect");
    }

    @Test
    void shouldPreferTheQuestionsOwnNegativeMarksForMcq() {
        Question question = aQuestion().mcq("a").marks(4.0).negativeMarks(1.0).build();
        assertThatOutcome(grade(question, "b", aQuiz().negativePercent(0.5).build()))
                .isEvaluated(-1.0, "Incorrect");
    }

    @Test
    void shouldNeverPenaliseMoreThanTheMarks() {
        Question question = aQuestion().mcq("a").marks(1.0).negativeMarks(-5.0).build();
        assertThatOutcome(grade(question, "b", DEFAULTS)).isEvaluated(-1.0, "Incorrect");
    }

    // ---- §9.13 FILE_UPLOAD stays in the result --------------------------------------------------

    @Test
    void shouldKeepFileUploadsAsNotEvaluated() {
        Question question = aQuestion().type("FILE_UPLOAD").marks(5.0).build();
        assertThatOutcome(grade(question, Map.of("fileUrl", "u", "fileName", "f", "fileSize", 1), DEFAULTS))
                .isNotEvaluated("File uploads are graded by a person");
    }

    // ---- §9.17 student totals ---------------------------------------------------------------------

    @Test
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

    private static Question matching() {
        return aQuestion()
                .matching(Map.of(
                        "L1", List.of("R1"), "L2", List.of("R2"), "R1", List.of(), "R2", List.of(), "R3", List.of()))
                .marks(2.0)
                .build();
    }

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
