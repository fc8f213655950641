package io.evalify.grading.objective;

import static io.evalify.grading.support.Grading.grade;
import static io.evalify.grading.support.Grading.json;
import static io.evalify.grading.support.OutcomeAssert.assertThatOutcome;
import static io.evalify.grading.support.QuestionBuilder.aQuestion;
import static io.evalify.grading.support.SettingsBuilder.aQuiz;

import io.evalify.grading.support.Grading;
import io.evalify.grading.support.Source;
import io.evalify.schemas.backend.Question;
import io.evalify.schemas.backend.QuizSettings;
import io.evalify.schemas.result.QuestionOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MCQ: one option id, right or wrong, and the negative marking that applies to it. */
class McqGraderTest {

    private static final QuizSettings DEFAULTS = aQuiz().build();

    @Test
    @Source.OldSuite("test_mcq_evaluator_accepts_single_string_answer")
    void shouldAwardFullMarksForTheCorrectOption() {
        assertThatOutcome(grade(aQuestion().mcq("opt-1").build(), "opt-1", DEFAULTS))
                .isEvaluated(1.0, "Correct");
    }

    @Test
    @Source.OldSuite("test_mcq_evaluator_flags_missing_options")
    void shouldScoreNothingWhenTheSolutionListsTwoCorrectOptions() {
        Question question = aQuestion().mcq("opt-1", "opt-2").marks(2.0).build();
        assertThatOutcome(grade(question, "opt-1", DEFAULTS)).isEvaluated(0.0, "Incorrect");
    }

    @Test
    @Source.OldSuite("test_mcq_evaluator_accepts_string_answers")
    void shouldAwardFullMarksForTheCorrectOptionAgain() {
        assertThatOutcome(grade(aQuestion().mcq("opt-1").build(), "opt-1", DEFAULTS))
                .isEvaluated(1.0, "Correct");
    }

    @Test
    @Source.OldSuite("test_mcq_evaluator_applies_negative_percent_precedence")
    void shouldLetThePercentWinOverTheFixedPenalty() {
        Question question = aQuestion().mcq("opt-1").marks(2.0).build();
        QuizSettings settings = aQuiz().negativePercent(0.5).negativeMark(1.0).build();
        assertThatOutcome(grade(question, "opt-2", settings)).isEvaluated(-1.0, "Incorrect");
    }

    /** Changed: 1.5 was rejected (0-1 only); it is now read as 1.5 percent of the marks. */
    @Test
    @Source.OldSuite("test_mcq_evaluator_rejects_negative_percent_out_of_range")
    void shouldReadAPercentAboveOneAsAPercent() {
        QuizSettings settings = aQuiz().negativePercent(1.5).build();
        assertThatOutcome(grade(aQuestion().mcq("opt-1").marks(2.0).build(), "opt-2", settings))
                .isEvaluated(-0.03, "Incorrect");
    }

    @Test
    @Source.OldSuite("test_mcq_evaluator_applies_negative_mark_fallback")
    void shouldApplyTheFixedPenaltyWhenNoPercentIsSet() {
        QuizSettings settings = aQuiz().negativeMark(0.5).build();
        assertThatOutcome(grade(aQuestion().mcq("opt-1").marks(2.0).build(), "opt-2", settings))
                .isEvaluated(-0.5, "Incorrect");
    }

    @Test
    @Source.OldSuite("test_mcq_evaluator_rejects_invalid_schema")
    void shouldErrorWhenTheAnswerHasNoStudentAnswerKey() {
        Question question = aQuestion().mcq("opt-1").build();
        QuestionOutcome outcome = Grading.rulesOnly()
                .grade("quiz-1", "s", List.of(question), DEFAULTS, json("{\"q1\": {\"answer\": \"opt-1\"}}"))
                .evaluationResult()
                .data()
                .get("q1");
        assertThatOutcome(outcome).isErrorContaining("Invalid answer");
    }

    @Test
    @Source.ObservedFact("a null MCQ answer was an ERROR; it is now 0 \"No answer provided\"")
    void shouldGiveNoAnswerForANullAnswer() {
        assertThatOutcome(grade(aQuestion().mcq("a").build(), null, DEFAULTS)).isNoAnswer();
    }

    @Test
    @Source.ObservedFact("an empty MCQ answer was penalised (-0.5); it is now 0 \"No answer provided\"")
    void shouldNotPenaliseAnEmptyAnswer() {
        assertThatOutcome(grade(
                        aQuestion().mcq("a").build(),
                        "",
                        aQuiz().negativeMark(0.5).build()))
                .isNoAnswer();
    }

    @Test
    @Source.ObservedFact("MCQ ids are trimmed and compared without case")
    void shouldTrimAndIgnoreCaseOfIds() {
        assertThatOutcome(grade(aQuestion().mcq("a").build(), " A ", DEFAULTS)).isEvaluated(1.0, "Correct");
    }

    @Test
    @Source.Fix("negativeMarks: null accepted")
    void shouldAcceptANullPerQuestionNegativeMark() {
        Question question = aQuestion().mcq("a").negativeMarks(null).build();
        assertThatOutcome(grade(question, "b", DEFAULTS)).isEvaluated(0.0, "Incorrect");
    }

    @ParameterizedTest
    @CsvSource({"25, -0.5", "0.25, -0.5", "100, -2.0", "1, -2.0", "0, 0.0"})
    @Source.Fix("negative percent 25 is 0.25 (the UI collects 0-100)")
    void shouldReadTheNegativePercentAsAFractionOrAPercent(double percent, double expected) {
        Question question = aQuestion().mcq("a").marks(2.0).build();
        assertThatOutcome(grade(question, "b", aQuiz().negativePercent(percent).build()))
                .isEvaluated(expected, "Incorrect");
    }

    @Test
    @Source.Fix("negative percent above 100: that question ERROR, not the whole job")
    void shouldErrorOnANegativePercentAboveOneHundred() {
        Question question = aQuestion().mcq("a").build();
        assertThatOutcome(grade(question, "b", aQuiz().negativePercent(150.0).build()))
                .isErrorContaining("Invalid quiz settings: mcqGlobalNegativePercent");
    }

    @Test
    @Source.Fix("MCQ with its own negativeMarks and a quiz percent: its own wins")
    void shouldPreferTheQuestionsOwnNegativeMarks() {
        Question question = aQuestion().mcq("a").marks(4.0).negativeMarks(1.0).build();
        assertThatOutcome(grade(question, "b", aQuiz().negativePercent(0.5).build()))
                .isEvaluated(-1.0, "Incorrect");
    }

    @Test
    @Source.Fix("penalty larger than the marks: capped at the marks")
    void shouldNeverPenaliseMoreThanTheMarks() {
        Question question = aQuestion().mcq("a").marks(1.0).negativeMarks(-5.0).build();
        assertThatOutcome(grade(question, "b", DEFAULTS)).isEvaluated(-1.0, "Incorrect");
    }
}
