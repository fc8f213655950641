package io.evalify.grading;

import static io.evalify.grading.support.Grading.grade;
import static io.evalify.grading.support.OutcomeAssert.assertThatOutcome;
import static io.evalify.grading.support.QuestionBuilder.aQuestion;
import static io.evalify.grading.support.SettingsBuilder.aQuiz;

import io.evalify.grading.support.Grading;
import io.evalify.grading.support.MapRunner;
import io.evalify.schemas.backend.Question;
import io.evalify.schemas.backend.QuizSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The extra facts verified by running the old evaluators (reference §5.6). Facts a documented fix changes
 * assert the NEW result; the old one is named in each test's comment.
 */
class ExtraFactsTest {

    private static final QuizSettings DEFAULTS = aQuiz().build();

    /** NEW (old: ERROR). */
    @Test
    void shouldGiveNoAnswerForANullMcqAnswer() {
        assertThatOutcome(grade(aQuestion().mcq("a").build(), null, DEFAULTS)).isNoAnswer();
    }

    /** NEW (old: -0.5, the empty string was penalised). */
    @Test
    void shouldNotPenaliseAnEmptyMcqAnswer() {
        assertThatOutcome(grade(
                        aQuestion().mcq("a").build(),
                        "",
                        aQuiz().negativeMark(0.5).build()))
                .isNoAnswer();
    }

    @Test
    void shouldTrimAndIgnoreCaseOfMcqIds() {
        assertThatOutcome(grade(aQuestion().mcq("a").build(), " A ", DEFAULTS)).isEvaluated(1.0, "Correct");
    }

    /** NEW (old: ERROR). */
    @Test
    void shouldGiveNoAnswerForANullMmcqAnswer() {
        assertThatOutcome(grade(aQuestion().mmcq("a").build(), null, DEFAULTS)).isNoAnswer();
    }

    @Test
    void shouldGiveNoAnswerForAnEmptyMmcqList() {
        assertThatOutcome(grade(aQuestion().mmcq("a").build(), List.of(), DEFAULTS))
                .isNoAnswer();
    }

    @Test
    void shouldPenaliseAWrongMmcqSelectionEvenWithPartialMarking() {
        Question question = aQuestion().mmcq("a", "b").marks(3.0).build();
        QuizSettings settings = aQuiz().partialMarking().negativePercent(0.5).build();
        assertThatOutcome(grade(question, List.of("a", "x"), settings)).isEvaluated(-1.5, "Incorrect");
    }

    /** NEW (old: ERROR). */
    @Test
    void shouldGiveNoAnswerForAnEmptyTrueFalseString() {
        assertThatOutcome(grade(aQuestion().trueFalse(true).build(), "", DEFAULTS))
                .isNoAnswer();
    }

    /** NEW (old: ERROR). */
    @Test
    void shouldGiveNoAnswerForANullFillBlankAnswer() {
        assertThatOutcome(grade(fitb(Map.of()), null, DEFAULTS)).isNoAnswer();
    }

    /** NEW remarks (old: 0 "Incorrect"). */
    @Test
    void shouldGiveNoAnswerForAnEmptyFillBlankObject() {
        assertThatOutcome(grade(fitb(Map.of()), Map.of(), DEFAULTS)).isNoAnswer();
    }

    /** NEW (old: 3.0, weights were not scaled to the marks). */
    @Test
    void shouldScaleFillBlankWeightsToTheMarks() {
        Question question = aQuestion()
                .fillBlank("NORMAL", Map.of("0", 1, "1", 2), Map.of("0", List.of("Paris"), "1", List.of("Seine")))
                .marks(10.0)
                .build();
        assertThatOutcome(grade(question, Map.of("0", "Paris", "1", "Seine"), DEFAULTS))
                .isEvaluated(10.0, "Correct");
    }

    /** NEW (old: ERROR); a null blank is an empty blank. */
    @Test
    void shouldTreatANullBlankAsEmpty() {
        Map<String, Object> answer = new HashMap<>();
        answer.put("0", null);
        assertThatOutcome(grade(fitb(Map.of()), answer, DEFAULTS)).isNoAnswer();
    }

    @Test
    void shouldIgnoreInnerWhitespaceInNormalFillBlank() {
        Question question = aQuestion()
                .fillBlank("NORMAL", Map.of(), Map.of("0", List.of("river seine")))
                .build();
        assertThatOutcome(grade(question, Map.of("0", "River  Seine"), DEFAULTS))
                .isEvaluated(1.0, "Correct");
    }

    /** NEW (old: ERROR, the answer lacked the right-side keys). */
    @Test
    void shouldGradeALeftOnlyMatchingAnswer() {
        Question question = aQuestion()
                .matching(Map.of("L1", List.of("R1"), "R1", List.of()))
                .build();
        assertThatOutcome(grade(question, Map.of("L1", List.of("R1")), DEFAULTS))
                .isEvaluated(1.0, "Correct");
    }

    /** NEW (old: ERROR for the whole question). */
    @Test
    void shouldFailOnlyTheCaseWithARuntimeError() {
        String data = """
                {"config": {"language": "PYTHON"}, "testCases": [{"id": "t1", "input": "1", "orderIndex": 0},
                 {"id": "t2", "input": "2", "orderIndex": 1}]}""";
        String solution =
                "{\"testCases\": [{\"id\": \"t1\", \"expectedOutput\": \"1\"}, {\"id\": \"t2\", \"expectedOutput\": \"2\"}]}";
        MapRunner runner = new MapRunner().prints("code", "1", "1"); // "2" is unknown: runtime error
        StudentGrader grader = new StudentGrader(new GradingServices(null, runner, Grading.FIXED));
        Question question = aQuestion().raw("CODING", data, solution).marks(2.0).build();
        assertThatOutcome(grade(
                        grader,
                        question,
                        Map.of("code", "code"),
                        aQuiz().codingPartialMarking(true).build()))
                .isEvaluated(1.0, "Passed 1/2 test cases");
    }

    private static Question fitb(Map<String, ?> weights) {
        return aQuestion()
                .fillBlank("NORMAL", weights, Map.of("0", List.of("Paris")))
                .build();
    }
}
