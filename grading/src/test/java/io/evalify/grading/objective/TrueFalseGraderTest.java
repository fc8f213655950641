package io.evalify.grading.objective;

import static io.evalify.grading.support.Grading.grade;
import static io.evalify.grading.support.OutcomeAssert.assertThatOutcome;
import static io.evalify.grading.support.QuestionBuilder.aQuestion;
import static io.evalify.grading.support.SettingsBuilder.aQuiz;

import io.evalify.grading.support.Source;
import io.evalify.schemas.backend.Question;
import io.evalify.schemas.backend.QuizSettings;
import org.junit.jupiter.api.Test;

/** TRUE_FALSE: booleans or their spellings, and only the question's own penalty. */
class TrueFalseGraderTest {

    private static final QuizSettings DEFAULTS = aQuiz().build();

    @Test
    @Source.OldSuite("test_true_false_evaluator_boolean_inputs")
    void shouldAwardFullMarksForTheRightBoolean() {
        assertThatOutcome(grade(aQuestion().trueFalse(true).build(), true, DEFAULTS))
                .isEvaluated(1.0, "Correct");
    }

    @Test
    @Source.OldSuite("test_true_false_evaluator_incorrect_answer")
    void shouldScoreZeroForTheWrongBoolean() {
        assertThatOutcome(grade(aQuestion().trueFalse(true).build(), false, DEFAULTS))
                .isEvaluated(0.0, "Incorrect");
    }

    @Test
    @Source.OldSuite("test_true_false_evaluator_normalizes_strings")
    void shouldAcceptStringsInAnyCase() {
        assertThatOutcome(grade(aQuestion().trueFalse(true).build(), "true", DEFAULTS))
                .isEvaluated(1.0, "Correct");
        assertThatOutcome(grade(aQuestion().trueFalse(false).build(), "FALSE", DEFAULTS))
                .isEvaluated(1.0, "Correct");
    }

    @Test
    @Source.ObservedFact("an empty TRUE_FALSE string was an ERROR; it is now 0 \"No answer provided\"")
    void shouldGiveNoAnswerForAnEmptyString() {
        assertThatOutcome(grade(aQuestion().trueFalse(true).build(), "", DEFAULTS))
                .isNoAnswer();
    }

    @Test
    @Source.Fix("TRUE_FALSE wrong with negativeMarks 0.25: -0.25")
    void shouldPenaliseAWrongAnswerWithItsOwnNegativeMarks() {
        Question question = aQuestion().trueFalse(false).negativeMarks(0.25).build();
        assertThatOutcome(grade(question, "True", DEFAULTS)).isEvaluated(-0.25, "Incorrect");
    }

    @Test
    @Source.Fix("TRUE_FALSE wrong with negativeMarks 0.25: -0.25 (quiz MCQ settings do not apply)")
    void shouldNotApplyQuizMcqPenalties() {
        Question question = aQuestion().trueFalse(false).build();
        assertThatOutcome(grade(question, "True", aQuiz().negativeMark(1.0).build()))
                .isEvaluated(0.0, "Incorrect");
    }
}
