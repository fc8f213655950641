package io.evalify.grading;

import static io.evalify.grading.support.Grading.grade;
import static io.evalify.grading.support.Grading.json;
import static io.evalify.grading.support.OutcomeAssert.assertThatOutcome;
import static io.evalify.grading.support.QuestionBuilder.aQuestion;
import static io.evalify.grading.support.SettingsBuilder.aQuiz;

import io.evalify.grading.support.Grading;
import io.evalify.grading.support.MapRunner;
import io.evalify.schemas.backend.Question;
import io.evalify.schemas.backend.QuizSettings;
import io.evalify.schemas.result.QuestionOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The old evaluator's {@code tests/test_evaluators.py} (reference §5.1), case by case. Cases whose result a
 * documented fix changes assert the NEW result and say so (see docs/GRADING.md, deviation table).
 */
class OldEvaluatorSuiteTest {

    private static final QuizSettings DEFAULTS = aQuiz().build();

    // ---- Mcq ---------------------------------------------------------------------------------------

    @Test
    void case01_shouldAwardFullMarksForTheCorrectOption() {
        assertThatOutcome(grade(aQuestion().mcq("opt-1").build(), "opt-1", DEFAULTS))
                .isEvaluated(1.0, "Correct");
    }

    @Test
    void case02_shouldScoreNothingWhenTheSolutionListsTwoCorrectOptions() {
        Question question = aQuestion().mcq("opt-1", "opt-2").marks(2.0).build();
        assertThatOutcome(grade(question, "opt-1", DEFAULTS)).isEvaluated(0.0, "Incorrect");
    }

    @Test
    void case03_shouldAwardFullMarksForTheCorrectOptionAgain() {
        assertThatOutcome(grade(aQuestion().mcq("opt-1").build(), "opt-1", DEFAULTS))
                .isEvaluated(1.0, "Correct");
    }

    @Test
    void case04_shouldLetThePercentWinOverTheFixedPenalty() {
        Question question = aQuestion().mcq("opt-1").marks(2.0).build();
        QuizSettings settings = aQuiz().negativePercent(0.5).negativeMark(1.0).build();
        assertThatOutcome(grade(question, "opt-2", settings)).isEvaluated(-1.0, "Incorrect");
    }

    /** NEW: 1.5 was rejected (0-1 only); it is now read as 1.5 percent of the marks. */
    @Test
    void case05_shouldReadAPercentAboveOneAsAPercent() {
        QuizSettings settings = aQuiz().negativePercent(1.5).build();
        assertThatOutcome(grade(aQuestion().mcq("opt-1").marks(2.0).build(), "opt-2", settings))
                .isEvaluated(-0.03, "Incorrect");
    }

    @Test
    void case06_shouldApplyTheFixedPenaltyWhenNoPercentIsSet() {
        QuizSettings settings = aQuiz().negativeMark(0.5).build();
        assertThatOutcome(grade(aQuestion().mcq("opt-1").marks(2.0).build(), "opt-2", settings))
                .isEvaluated(-0.5, "Incorrect");
    }

    @Test
    void case07_shouldErrorWhenTheAnswerHasNoStudentAnswerKey() {
        Question question = aQuestion().mcq("opt-1").build();
        QuestionOutcome outcome = Grading.rulesOnly()
                .grade("quiz-1", "s", List.of(question), DEFAULTS, json("{\"q1\": {\"answer\": \"opt-1\"}}"))
                .evaluationResult()
                .data()
                .get("q1");
        assertThatOutcome(outcome).isErrorContaining("Invalid answer");
    }

    // ---- Mmcq --------------------------------------------------------------------------------------

    @Test
    void case08_shouldScoreZeroForASubsetWithoutPartialMarking() {
        Question question =
                aQuestion().mmcq("opt-1", "opt-2", "opt-3").marks(3.0).build();
        assertThatOutcome(grade(question, List.of("opt-1", "opt-2"), DEFAULTS)).isEvaluated(0.0, "Incorrect");
    }

    @Test
    void case09_shouldAwardAShareForASubsetWithPartialMarking() {
        Question question =
                aQuestion().mmcq("opt-1", "opt-2", "opt-3", "opt-4").marks(8.0).build();
        assertThatOutcome(grade(
                        question,
                        List.of("opt-1", "opt-2"),
                        aQuiz().partialMarking().build()))
                .isEvaluated(4.0, "Partially correct");
    }

    @Test
    void case10_shouldIgnoreOrder() {
        Question question = aQuestion().mmcq("opt-2", "opt-1").marks(2.0).build();
        assertThatOutcome(grade(question, List.of("opt-1", "opt-2"), DEFAULTS)).isEvaluated(2.0, "Correct");
    }

    @Test
    void case11_shouldPenaliseAWrongSelection() {
        Question question =
                aQuestion().mmcq("opt-1", "opt-2", "opt-3").marks(3.0).build();
        assertThatOutcome(grade(
                        question,
                        List.of("opt-1", "opt-4"),
                        aQuiz().negativeMark(0.5).build()))
                .isEvaluated(-0.5, "Incorrect");
    }

    @Test
    void case12_shouldErrorWhenTheAnswerIsAStringNotAList() {
        assertThatOutcome(grade(aQuestion().mmcq("opt-1").build(), "opt-1", DEFAULTS))
                .isErrorContaining("list");
    }

    // ---- FillTheBlank ------------------------------------------------------------------------------

    @Test
    void case13_shouldKeepCaseInStrictMode() {
        Question question = aQuestion()
                .fillBlank("STRICT", Map.of("0", 1), Map.of("0", List.of("wrapper")))
                .build();
        assertThatOutcome(grade(question, Map.of("0", "Wrapper"), DEFAULTS)).isEvaluated(0.0, "Incorrect");
    }

    @Test
    void case14_shouldIgnoreWhitespaceInStrictMode() {
        Question question = aQuestion()
                .fillBlank("STRICT", Map.of("0", 2), Map.of("0", List.of("wraps")))
                .marks(2.0)
                .build();
        assertThatOutcome(grade(question, Map.of("0", "wraps "), DEFAULTS)).isEvaluated(2.0, "Correct");
    }

    @Test
    void case15_shouldIgnoreCaseInNormalMode() {
        Question question = aQuestion()
                .fillBlank("NORMAL", Map.of(), Map.of("0", List.of("wrapper")))
                .build();
        assertThatOutcome(grade(question, Map.of("0", "Wrapper"), DEFAULTS)).isEvaluated(1.0, "Correct");
    }

    @Test
    void case16_shouldAddTheWeightsOfMatchedBlanks() {
        Question question = aQuestion()
                .fillBlank("NORMAL", Map.of("0", 0.5, "1", 0.25, "2", 0.15, "3", 0.1), fourBlanks())
                .build();
        assertThatOutcome(grade(question, Map.of("0", "typing", "1", "Function", "2", "nope"), DEFAULTS))
                .isEvaluated(0.75, "Partially correct");
    }

    @Test
    void case17_shouldShareMarksEquallyWithoutWeights() {
        Question question = aQuestion()
                .fillBlank("NORMAL", Map.of(), fourBlanks())
                .marks(2.0)
                .build();
        assertThatOutcome(grade(question, Map.of("0", "typing", "1", "function"), DEFAULTS))
                .isEvaluated(1.0, "Partially correct");
    }

    /** NEW: HYBRID raised "not implemented"; it is now graded (statically when no LLM is configured). */
    @Test
    void case18_shouldGradeHybridStaticallyWithoutAnLlm() {
        Question question = aQuestion()
                .fillBlank("HYBRID", Map.of(), Map.of("0", List.of("typing")))
                .build();
        assertThatOutcome(grade(question, Map.of("0", "Typing"), DEFAULTS))
                .isEvaluated(1.0, "Correct")
                .hasFlag("llm_not_configured");
    }

    @Test
    void case19_shouldErrorWhenTheAnswerIsAList() {
        Question question = aQuestion()
                .fillBlank("NORMAL", Map.of(), Map.of("0", List.of("typing")))
                .build();
        assertThatOutcome(grade(question, List.of("typing"), DEFAULTS)).isErrorContaining("Invalid answer");
    }

    private static Map<String, List<String>> fourBlanks() {
        Map<String, List<String>> blanks = new LinkedHashMap<>();
        blanks.put("0", List.of("typing"));
        blanks.put("1", List.of("function"));
        blanks.put("2", List.of("5"));
        blanks.put("3", List.of("Wrapper"));
        return blanks;
    }

    // ---- Coding ------------------------------------------------------------------------------------

    private static final String PY_CONFIG = """
            {"config": {"languages": [{"language": "PYTHON", "boilerplateCode": "# boilerplate", "driverCode": "# driver"}]},
             "testCases": [{"id": "tc1", "input": "1 2", "marksWeightage": %s, "orderIndex": 0},
                           {"id": "tc2", "input": "3 4", "marksWeightage": %s, "orderIndex": 1}]}""";
    private static final String PY_SOLUTION = """
            {"languages": [{"language": "PYTHON", "referenceSolution": "REFERENCE"}],
             "testCases": [{"id": "tc1", "expectedOutput": "3"}, {"id": "tc2", "expectedOutput": "7"}]}""";

    private final MapRunner runner = new MapRunner()
            .prints("# boilerplate\nREFERENCE\n# driver", "1 2", "3")
            .prints("# boilerplate\nREFERENCE\n# driver", "3 4", "7");

    @Test
    void case20_shouldJoinBoilerplateCodeAndDriverAndPassBothCases() {
        runner.prints("# boilerplate\nSTUDENT_OK\n# driver", "1 2", "3\n")
                .prints("# boilerplate\nSTUDENT_OK\n# driver", "3 4", "7\n");
        Question question = aQuestion()
                .raw("CODING", PY_CONFIG.formatted(0.4, 0.6), PY_SOLUTION)
                .marks(10.0)
                .build();
        assertThatOutcome(gradeCode(question, "STUDENT_OK", aQuiz().build()))
                .isEvaluated(10.0, "Passed 2/2 test cases");
    }

    @Test
    void case21_shouldAwardPassedWeightsWithPartialMarking() {
        assertThatOutcome(gradeHalfRight(aQuiz().codingPartialMarking(true).build()))
                .isEvaluated(2.0, "Passed 1/2 test cases");
    }

    @Test
    void case22_shouldAwardNothingForAPartialPassWithoutPartialMarking() {
        assertThatOutcome(gradeHalfRight(aQuiz().build())).isEvaluated(0.0, "Passed 1/2 test cases");
    }

    @Test
    void case23_shouldErrorWhenABareStringAnswerMeetsSeveralLanguages() {
        String config = """
                {"config": {"languages": [{"language": "PYTHON"}, {"language": "JAVA"}]},
                 "testCases": [{"id": "tc1", "input": "", "orderIndex": 0}]}""";
        String solution = "{\"languages\": [], \"testCases\": [{\"id\": \"tc1\", \"expectedOutput\": \"42\"}]}";
        Question question = aQuestion().raw("CODING", config, solution).build();
        StudentGrader grader = new StudentGrader(new GradingServices(null, runner, Grading.FIXED));
        assertThatOutcome(grade(grader, question, "print(42)", aQuiz().build())).isErrorContaining("names no language");
    }

    @Test
    void case24_shouldAcceptTheLegacySingleLanguageShape() {
        String config =
                "{\"config\": {\"language\": \"PYTHON\"}, \"testCases\": [{\"id\": \"tc1\", \"input\": \"\", \"orderIndex\": 0}]}";
        String solution =
                "{\"referenceSolution\": \"print(42)\", \"testCases\": [{\"id\": \"tc1\", \"expectedOutput\": \"42\"}]}";
        runner.prints("print(42)", "", "42").prints("print(6*7)", "", "42");
        Question question =
                aQuestion().raw("CODING", config, solution).marks(2.0).build();
        assertThatOutcome(gradeCode(question, "print(6*7)", aQuiz().build())).isEvaluated(2.0, "Passed 1/1 test cases");
    }

    private QuestionOutcome gradeHalfRight(QuizSettings settings) {
        runner.prints("# boilerplate\nHALF\n# driver", "1 2", "3").prints("# boilerplate\nHALF\n# driver", "3 4", "8");
        Question question = aQuestion()
                .raw("CODING", PY_CONFIG.formatted(2, 3), PY_SOLUTION)
                .marks(5.0)
                .build();
        return gradeCode(question, "HALF", settings);
    }

    private QuestionOutcome gradeCode(Question question, String code, QuizSettings settings) {
        StudentGrader grader = new StudentGrader(new GradingServices(null, runner, Grading.FIXED));
        return grade(grader, question, Map.of("language", "PYTHON", "code", code), settings);
    }

    // ---- TrueFalse ---------------------------------------------------------------------------------

    @Test
    void case25_shouldAwardFullMarksForTheRightBoolean() {
        assertThatOutcome(grade(aQuestion().trueFalse(true).build(), true, DEFAULTS))
                .isEvaluated(1.0, "Correct");
    }

    @Test
    void case26_shouldScoreZeroForTheWrongBoolean() {
        assertThatOutcome(grade(aQuestion().trueFalse(true).build(), false, DEFAULTS))
                .isEvaluated(0.0, "Incorrect");
    }

    @Test
    void case27_shouldAcceptStringsInAnyCase() {
        assertThatOutcome(grade(aQuestion().trueFalse(true).build(), "true", DEFAULTS))
                .isEvaluated(1.0, "Correct");
        assertThatOutcome(grade(aQuestion().trueFalse(false).build(), "FALSE", DEFAULTS))
                .isEvaluated(1.0, "Correct");
    }

    // ---- Matching ----------------------------------------------------------------------------------

    private final Question matchingQuestion = aQuestion().matching(solution()).build();

    @Test
    void case28_shouldAwardFullMarksForTheSameList() {
        assertThatOutcome(grade(matchingQuestion, asList(solution()), DEFAULTS)).isEvaluated(1.0, "Correct");
    }

    @Test
    void case29_shouldScoreZeroForOneWrongPairWithoutPartialMarking() {
        Map<String, List<String>> answer = solution();
        answer.put("left-sky", List.of("right-green"));
        assertThatOutcome(grade(matchingQuestion, asList(answer), DEFAULTS)).isEvaluated(0.0, "Incorrect");
    }

    @Test
    void case30_shouldIgnoreTheOrderOfPairs() {
        Map<String, List<String>> answer = solution();
        answer.put("left-ocean", List.of("right-green", "right-blue"));
        assertThatOutcome(grade(matchingQuestion, asList(answer), DEFAULTS)).isEvaluated(1.0, "Correct");
    }

    @Test
    void case31_shouldAcceptTheObjectFormWithEveryKey() {
        assertThatOutcome(grade(matchingQuestion, solution(), DEFAULTS)).isEvaluated(1.0, "Correct");
    }

    private static Map<String, List<String>> solution() {
        Map<String, List<String>> pairs = new LinkedHashMap<>();
        pairs.put("left-sky", List.of("right-blue"));
        pairs.put("left-grass", List.of("right-green"));
        pairs.put("left-ocean", List.of("right-blue", "right-green"));
        pairs.put("right-blue", List.of());
        pairs.put("right-green", List.of());
        pairs.put("right-orange", List.of());
        return pairs;
    }

    private static List<Map<String, Object>> asList(Map<String, List<String>> pairs) {
        return pairs.entrySet().stream()
                .map(e -> Map.<String, Object>of("id", e.getKey(), "matchPairIds", e.getValue()))
                .toList();
    }
}
