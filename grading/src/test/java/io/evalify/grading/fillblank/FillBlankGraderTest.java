package io.evalify.grading.fillblank;

import static io.evalify.grading.support.Grading.grade;
import static io.evalify.grading.support.OutcomeAssert.assertThatOutcome;
import static io.evalify.grading.support.QuestionBuilder.aQuestion;
import static io.evalify.grading.support.SettingsBuilder.aQuiz;
import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.grading.support.Source;
import io.evalify.schemas.backend.Question;
import io.evalify.schemas.backend.QuizSettings;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** FILL_THE_BLANK: static matching per blank, weights scaled to the marks, answer types (HYBRID: HybridBlanksTest). */
class FillBlankGraderTest {

    private static final QuizSettings DEFAULTS = aQuiz().build();

    @Test
    @Source.OldSuite("test_fitb_evaluator_strict_mode_is_case_sensitive")
    void shouldKeepCaseInStrictMode() {
        Question question = aQuestion()
                .fillBlank("STRICT", Map.of("0", 1), Map.of("0", List.of("wrapper")))
                .build();
        assertThatOutcome(grade(question, Map.of("0", "Wrapper"), DEFAULTS)).isEvaluated(0.0, "Incorrect");
    }

    @Test
    @Source.OldSuite("test_fitb_evaluator_strict_mode_strips_whitespace")
    void shouldIgnoreWhitespaceInStrictMode() {
        Question question = aQuestion()
                .fillBlank("STRICT", Map.of("0", 2), Map.of("0", List.of("wraps")))
                .marks(2.0)
                .build();
        assertThatOutcome(grade(question, Map.of("0", "wraps "), DEFAULTS)).isEvaluated(2.0, "Correct");
    }

    @Test
    @Source.OldSuite("test_fitb_evaluator_normal_mode_is_case_insensitive")
    void shouldIgnoreCaseInNormalMode() {
        Question question = aQuestion()
                .fillBlank("NORMAL", Map.of(), Map.of("0", List.of("wrapper")))
                .build();
        assertThatOutcome(grade(question, Map.of("0", "Wrapper"), DEFAULTS)).isEvaluated(1.0, "Correct");
    }

    @Test
    @Source.OldSuite("test_fitb_evaluator_uses_configured_blank_weights_for_partial_marking")
    void shouldAddTheWeightsOfMatchedBlanks() {
        Question question = aQuestion()
                .fillBlank("NORMAL", Map.of("0", 0.5, "1", 0.25, "2", 0.15, "3", 0.1), fourBlanks())
                .build();
        assertThatOutcome(grade(question, Map.of("0", "typing", "1", "Function", "2", "nope"), DEFAULTS))
                .isEvaluated(0.75, "Partially correct");
    }

    @Test
    @Source.OldSuite("test_fitb_evaluator_falls_back_to_equal_weights_when_missing")
    void shouldShareMarksEquallyWithoutWeights() {
        Question question = aQuestion()
                .fillBlank("NORMAL", Map.of(), fourBlanks())
                .marks(2.0)
                .build();
        assertThatOutcome(grade(question, Map.of("0", "typing", "1", "function"), DEFAULTS))
                .isEvaluated(1.0, "Partially correct");
    }

    /** Changed: HYBRID raised "not implemented"; it is now graded (statically when no LLM is configured). */
    @Test
    @Source.OldSuite("test_fitb_evaluator_rejects_hybrid_mode_for_now")
    void shouldGradeHybridStaticallyWithoutAnLlm() {
        Question question = aQuestion()
                .fillBlank("HYBRID", Map.of(), Map.of("0", List.of("typing")))
                .build();
        assertThatOutcome(grade(question, Map.of("0", "Typing"), DEFAULTS))
                .isEvaluated(1.0, "Correct")
                .hasFlag("llm_not_configured");
    }

    @Test
    @Source.OldSuite("test_fitb_evaluator_rejects_invalid_student_schema")
    void shouldErrorWhenTheAnswerIsAList() {
        Question question = aQuestion()
                .fillBlank("NORMAL", Map.of(), Map.of("0", List.of("typing")))
                .build();
        assertThatOutcome(grade(question, List.of("typing"), DEFAULTS)).isErrorContaining("Invalid answer");
    }

    @Test
    @Source.ObservedFact("a null FILL_THE_BLANK answer was an ERROR; it is now 0 \"No answer provided\"")
    void shouldGiveNoAnswerForANullAnswer() {
        assertThatOutcome(grade(paris(), null, DEFAULTS)).isNoAnswer();
    }

    @Test
    @Source.ObservedFact("an empty FILL_THE_BLANK object was 0 \"Incorrect\"; it is now 0 \"No answer provided\"")
    void shouldGiveNoAnswerForAnEmptyObject() {
        assertThatOutcome(grade(paris(), Map.of(), DEFAULTS)).isNoAnswer();
    }

    @Test
    @Source.ObservedFact("weights {0:1, 1:2} on 10 marks, all right, gave 3.0; weights are now scaled to the marks")
    void shouldScaleWeightsToTheMarks() {
        Question question = aQuestion()
                .fillBlank("NORMAL", Map.of("0", 1, "1", 2), Map.of("0", List.of("Paris"), "1", List.of("Seine")))
                .marks(10.0)
                .build();
        assertThatOutcome(grade(question, Map.of("0", "Paris", "1", "Seine"), DEFAULTS))
                .isEvaluated(10.0, "Correct");
    }

    @Test
    @Source.ObservedFact("a null blank was an ERROR; it is now an empty blank")
    void shouldTreatANullBlankAsEmpty() {
        Map<String, Object> answer = new HashMap<>();
        answer.put("0", null);
        assertThatOutcome(grade(paris(), answer, DEFAULTS)).isNoAnswer();
    }

    @Test
    @Source.ObservedFact("\"River  Seine\" matches \"river seine\" in NORMAL mode (inner whitespace removed)")
    void shouldIgnoreInnerWhitespaceInNormalMode() {
        Question question = aQuestion()
                .fillBlank("NORMAL", Map.of(), Map.of("0", List.of("river seine")))
                .build();
        assertThatOutcome(grade(question, Map.of("0", "River  Seine"), DEFAULTS))
                .isEvaluated(1.0, "Correct");
    }

    @ParameterizedTest
    @CsvSource({"42.0, true", "42, true", "4.2e1, true", "42.5, false", "forty-two, false"})
    @Source.Fix("FITB type NUMBER \"42.0\" vs \"42\": match")
    void shouldCompareNumberBlanksNumerically(String given, boolean correct) {
        Question question = aQuestion()
                .fillBlank("STRICT", Map.of(), Map.of("0", List.of("42")), "NUMBER")
                .build();
        assertThat(grade(question, Map.of("0", given), DEFAULTS).mark()).isEqualTo(correct ? 1.0 : 0.0);
    }

    @ParameterizedTest
    @CsvSource({"UPPERCASE, NASA, 1.0", "UPPERCASE, nasa, 0.0", "LOWERCASE, ph, 1.0", "LOWERCASE, PH, 0.0"})
    @Source.Fix("FITB type UPPERCASE/LOWERCASE: STRICT requires that case")
    void shouldRequireTheDeclaredCaseInStrictMode(String type, String given, double mark) {
        String answer = type.equals("UPPERCASE") ? "nasa" : "PH";
        Question question = aQuestion()
                .fillBlank("STRICT", Map.of(), Map.of("0", List.of(answer)), type)
                .build();
        assertThat(grade(question, Map.of("0", given), DEFAULTS).mark()).isEqualTo(mark);
    }

    @Test
    @Source.Fix("FITB weights scaled to marks: they must still cover every blank")
    void shouldErrorWhenWeightsMissABlank() {
        Question question = aQuestion()
                .fillBlank("NORMAL", Map.of("0", 1), Map.of("0", List.of("a"), "1", List.of("b")))
                .build();
        assertThatOutcome(grade(question, Map.of("0", "a"), DEFAULTS))
                .isErrorContaining("Missing blank weights for blanks: 1");
    }

    private static Question paris() {
        return aQuestion()
                .fillBlank("NORMAL", Map.of(), Map.of("0", List.of("Paris")))
                .build();
    }

    private static Map<String, List<String>> fourBlanks() {
        Map<String, List<String>> blanks = new LinkedHashMap<>();
        blanks.put("0", List.of("typing"));
        blanks.put("1", List.of("function"));
        blanks.put("2", List.of("5"));
        blanks.put("3", List.of("Wrapper"));
        return blanks;
    }
}
