package io.evalify.grading.objective;

import static io.evalify.grading.support.Grading.grade;
import static io.evalify.grading.support.OutcomeAssert.assertThatOutcome;
import static io.evalify.grading.support.QuestionBuilder.aQuestion;
import static io.evalify.grading.support.SettingsBuilder.aQuiz;

import io.evalify.grading.support.Source;
import io.evalify.schemas.backend.Question;
import io.evalify.schemas.backend.QuizSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MMCQ: a set of option ids, partial marking for a correct subset, a penalty for any wrong id. */
class MmcqGraderTest {

    private static final QuizSettings DEFAULTS = aQuiz().build();

    @Test
    @Source.OldSuite("test_mmcq_evaluator_requires_exact_match_without_partial_marking")
    void shouldScoreZeroForASubsetWithoutPartialMarking() {
        Question question =
                aQuestion().mmcq("opt-1", "opt-2", "opt-3").marks(3.0).build();
        assertThatOutcome(grade(question, List.of("opt-1", "opt-2"), DEFAULTS)).isEvaluated(0.0, "Incorrect");
    }

    @Test
    @Source.OldSuite("test_mmcq_evaluator_supports_partial_marking_for_correct_subset")
    void shouldAwardAShareForASubsetWithPartialMarking() {
        Question question =
                aQuestion().mmcq("opt-1", "opt-2", "opt-3", "opt-4").marks(8.0).build();
        assertThatOutcome(grade(
                        question,
                        List.of("opt-1", "opt-2"),
                        aQuiz().partialMarking().build()))
                .isEvaluated(4.0, "Partially correct");
    }

    @Test
    @Source.OldSuite("test_mmcq_evaluator_gives_full_marks_for_exact_match")
    void shouldIgnoreOrder() {
        Question question = aQuestion().mmcq("opt-2", "opt-1").marks(2.0).build();
        assertThatOutcome(grade(question, List.of("opt-1", "opt-2"), DEFAULTS)).isEvaluated(2.0, "Correct");
    }

    @Test
    @Source.OldSuite("test_mmcq_evaluator_applies_negative_mark_when_wrong_option_selected")
    void shouldPenaliseAWrongSelection() {
        Question question =
                aQuestion().mmcq("opt-1", "opt-2", "opt-3").marks(3.0).build();
        assertThatOutcome(grade(
                        question,
                        List.of("opt-1", "opt-4"),
                        aQuiz().negativeMark(0.5).build()))
                .isEvaluated(-0.5, "Incorrect");
    }

    @Test
    @Source.OldSuite("test_mmcq_evaluator_rejects_invalid_schema")
    void shouldErrorWhenTheAnswerIsAStringNotAList() {
        assertThatOutcome(grade(aQuestion().mmcq("opt-1").build(), "opt-1", DEFAULTS))
                .isErrorContaining("list");
    }

    @Test
    @Source.ObservedFact("a null MMCQ answer was an ERROR; it is now 0 \"No answer provided\"")
    void shouldGiveNoAnswerForANullAnswer() {
        assertThatOutcome(grade(aQuestion().mmcq("a").build(), null, DEFAULTS)).isNoAnswer();
    }

    @Test
    @Source.ObservedFact("an empty MMCQ list is 0 \"No answer provided\"")
    void shouldGiveNoAnswerForAnEmptyList() {
        assertThatOutcome(grade(aQuestion().mmcq("a").build(), List.of(), DEFAULTS))
                .isNoAnswer();
    }

    @Test
    @Source.ObservedFact("a wrong MMCQ selection is penalised even with partial marking on")
    void shouldPenaliseAWrongSelectionEvenWithPartialMarking() {
        Question question = aQuestion().mmcq("a", "b").marks(3.0).build();
        QuizSettings settings = aQuiz().partialMarking().negativePercent(0.5).build();
        assertThatOutcome(grade(question, List.of("a", "x"), settings)).isEvaluated(-1.5, "Incorrect");
    }
}
