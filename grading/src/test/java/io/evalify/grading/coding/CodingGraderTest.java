package io.evalify.grading.coding;

import static io.evalify.grading.support.Grading.grade;
import static io.evalify.grading.support.OutcomeAssert.assertThatOutcome;
import static io.evalify.grading.support.QuestionBuilder.aQuestion;
import static io.evalify.grading.support.SettingsBuilder.aQuiz;
import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.grading.GradingServices;
import io.evalify.grading.StudentGrader;
import io.evalify.grading.judge0.Judge0Submission;
import io.evalify.grading.support.Grading;
import io.evalify.grading.support.MapRunner;
import io.evalify.grading.support.Source;
import io.evalify.schemas.backend.Question;
import io.evalify.schemas.backend.QuizSettings;
import io.evalify.schemas.result.QuestionOutcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CODING: sources joined, test cases run on Judge0 in order, weights, partial marking, the reference check. */
class CodingGraderTest {

    private static final QuizSettings PARTIAL =
            aQuiz().codingPartialMarking(true).build();
    private static final String DATA = """
            {"config": {"languages": [{"language": "%s"}], "timeLimitMs": 2000, "memoryLimitMb": 128},
             "testCases": [{"id": "t1", "input": "1", "orderIndex": 1}, {"id": "t2", "input": "2", "orderIndex": 0}]}""";
    private static final String SOLUTION = """
            {"languages": [{"language": "%s", "referenceSolution": "REF"}],
             "testCases": [{"id": "t1", "expectedOutput": "one"}, {"id": "t2", "expectedOutput": "two"}]}""";
    private static final String PY_CONFIG = """
            {"config": {"languages": [{"language": "PYTHON", "boilerplateCode": "# boilerplate", "driverCode": "# driver"}]},
             "testCases": [{"id": "tc1", "input": "1 2", "marksWeightage": %s, "orderIndex": 0},
                           {"id": "tc2", "input": "3 4", "marksWeightage": %s, "orderIndex": 1}]}""";
    private static final String PY_SOLUTION = """
            {"languages": [{"language": "PYTHON", "referenceSolution": "REFERENCE"}],
             "testCases": [{"id": "tc1", "expectedOutput": "3"}, {"id": "tc2", "expectedOutput": "7"}]}""";

    private final MapRunner runner = new MapRunner()
            .prints("REF", "1", "one")
            .prints("REF", "2", "two")
            .prints("# boilerplate\nREFERENCE\n# driver", "1 2", "3")
            .prints("# boilerplate\nREFERENCE\n# driver", "3 4", "7");
    private final StudentGrader grader = new StudentGrader(new GradingServices(null, runner, Grading.FIXED));

    @Test
    @Source.OldSuite("test_coding_evaluator_awards_full_marks_when_all_tests_pass")
    void shouldJoinBoilerplateCodeAndDriverAndPassBothCases() {
        runner.prints("# boilerplate\nSTUDENT_OK\n# driver", "1 2", "3\n")
                .prints("# boilerplate\nSTUDENT_OK\n# driver", "3 4", "7\n");
        Question question = aQuestion()
                .raw("CODING", PY_CONFIG.formatted(0.4, 0.6), PY_SOLUTION)
                .marks(10.0)
                .build();
        assertThatOutcome(gradePython(question, "STUDENT_OK", aQuiz().build()))
                .isEvaluated(10.0, "Passed 2/2 test cases");
    }

    @Test
    @Source.OldSuite("test_coding_evaluator_uses_weighted_partial_marks_when_enabled")
    void shouldAwardPassedWeightsWithPartialMarking() {
        assertThatOutcome(gradeHalfRight(aQuiz().codingPartialMarking(true).build()))
                .isEvaluated(2.0, "Passed 1/2 test cases");
    }

    @Test
    @Source.OldSuite("test_coding_evaluator_returns_zero_without_partial_marking")
    void shouldAwardNothingForAPartialPassWithoutPartialMarking() {
        assertThatOutcome(gradeHalfRight(aQuiz().build())).isEvaluated(0.0, "Passed 1/2 test cases");
    }

    @Test
    @Source.OldSuite("test_coding_evaluator_requires_language_for_multilang_questions")
    void shouldErrorWhenABareStringAnswerMeetsSeveralLanguages() {
        String config = """
                {"config": {"languages": [{"language": "PYTHON"}, {"language": "JAVA"}]},
                 "testCases": [{"id": "tc1", "input": "", "orderIndex": 0}]}""";
        String solution = "{\"languages\": [], \"testCases\": [{\"id\": \"tc1\", \"expectedOutput\": \"42\"}]}";
        Question question = aQuestion().raw("CODING", config, solution).build();
        assertThatOutcome(grade(grader, question, "print(42)", aQuiz().build())).isErrorContaining("names no language");
    }

    @Test
    @Source.OldSuite("test_coding_evaluator_supports_legacy_single_language_schema")
    void shouldAcceptTheLegacySingleLanguageShape() {
        String config =
                "{\"config\": {\"language\": \"PYTHON\"}, \"testCases\": [{\"id\": \"tc1\", \"input\": \"\", \"orderIndex\": 0}]}";
        String solution =
                "{\"referenceSolution\": \"print(42)\", \"testCases\": [{\"id\": \"tc1\", \"expectedOutput\": \"42\"}]}";
        runner.prints("print(42)", "", "42").prints("print(6*7)", "", "42");
        Question question =
                aQuestion().raw("CODING", config, solution).marks(2.0).build();
        assertThatOutcome(gradePython(question, "print(6*7)", aQuiz().build()))
                .isEvaluated(2.0, "Passed 1/1 test cases");
    }

    @Test
    @Source.ObservedFact("a runtime error on any case made the whole question an ERROR; now only that case fails")
    void shouldFailOnlyTheCaseWithARuntimeError() {
        String data = """
                {"config": {"language": "PYTHON"}, "testCases": [{"id": "t1", "input": "1", "orderIndex": 0},
                 {"id": "t2", "input": "2", "orderIndex": 1}]}""";
        String solution =
                "{\"testCases\": [{\"id\": \"t1\", \"expectedOutput\": \"1\"}, {\"id\": \"t2\", \"expectedOutput\": \"2\"}]}";
        runner.prints("code", "1", "1"); // "2" is unknown: runtime error
        Question question = aQuestion().raw("CODING", data, solution).marks(2.0).build();
        assertThatOutcome(grade(
                        grader,
                        question,
                        Map.of("code", "code"),
                        aQuiz().codingPartialMarking(true).build()))
                .isEvaluated(1.0, "Passed 1/2 test cases");
    }

    @Test
    @Source.Fix("CODING comparison: reference checked once per grader (cached)")
    void shouldCheckTheReferenceOncePerQuestionNotPerStudent() {
        runner.prints("S", "1", "one").prints("S", "2", "two");
        for (int student = 0; student < 3; student++) {
            assertThatOutcome(gradeCode("PYTHON", "S")).isEvaluated(4.0, "Passed 2/2 test cases");
        }
        long referenceRuns = runner.submissions().stream()
                .filter(s -> s.sourceCode().equals("REF"))
                .count();
        assertThat(referenceRuns).isEqualTo(2);
    }

    @Test
    @Source.Fix("CODING reference ≠ expectedOutput: ERROR, the same reason for all")
    void shouldErrorTheQuestionWhenTheReferenceDisagreesWithTheExpectedOutput() {
        runner.prints("REF", "2", "TWO?");
        assertThatOutcome(gradeCode("PYTHON", "S"))
                .isErrorContaining("Reference solution output mismatch on test case t2");
    }

    @Test
    @Source.Fix("OCTAVE language id: 66")
    void shouldPassLimitsLanguageIdAndStdinToJudge0InOrderIndexOrder() {
        runner.prints("REF", "1", "one");
        gradeCode("OCTAVE", "S");
        Judge0Submission first = runner.submissions().get(0);
        assertThat(first.languageId()).isEqualTo(66);
        assertThat(first.cpuTimeLimit()).isEqualTo(2.0);
        assertThat(first.memoryLimit()).isEqualTo(128 * 1024);
        assertThat(first.stdin()).isEqualTo("2");
    }

    @Test
    @Source.Fix("CODING runtime/compile error or TLE on one case: that case fails")
    void shouldFailACaseThatTimesOutButGradeTheRest() {
        runner.prints("S", "2", "two").answers("S", "1", MapRunner.status(5, "Time Limit Exceeded"));
        assertThatOutcome(gradeCode("PYTHON", "S")).isEvaluated(2.0, "Passed 1/2 test cases");
    }

    @Test
    @Source.Fix("CODING runtime/compile error or TLE on one case: after a compile error the rest fail unrun")
    void shouldFailEveryCaseAfterACompileErrorWithoutRunningThem() {
        runner.answers("BAD", "2", MapRunner.status(6, "Compilation Error"));
        assertThatOutcome(gradeCode("PYTHON", "BAD")).isEvaluated(0.0, "Passed 0/2 test cases");
        assertThat(runner.submissions().stream()
                        .filter(s -> s.sourceCode().equals("BAD"))
                        .count())
                .isEqualTo(1);
    }

    @Test
    @Source.Fix("CODING no reference solution for the language: graded against expectedOutput")
    void shouldTrustTheExpectedOutputWhenThereIsNoReferenceSolution() {
        runner.prints("S", "1", "one\r\n").prints("S", "2", "  two ");
        Question question = aQuestion()
                .raw(
                        "CODING",
                        DATA.formatted("PYTHON"),
                        "{\"testCases\": [{\"id\": \"t1\", \"expectedOutput\": \"one\"}, {\"id\": \"t2\", \"expectedOutput\": \"two\"}]}")
                .build();
        assertThatOutcome(grade(grader, question, Map.of("code", "S", "language", "python"), PARTIAL))
                .isEvaluated(1.0, "Passed 2/2 test cases");
    }

    @Test
    @Source.Fix("CODING language: the submission's must be one the question allows")
    void shouldErrorForALanguageTheQuestionDoesNotAllow() {
        assertThatOutcome(gradeCode("PYTHON", "S", "JAVA")).isErrorContaining("language JAVA is not allowed");
    }

    @Test
    @Source.Fix("CODING without Judge0: NOT_EVALUATED \"Judge0 not configured\"")
    void shouldLeaveCodingUngradedWithoutJudge0() {
        Question question = aQuestion()
                .raw("CODING", DATA.formatted("PYTHON"), SOLUTION.formatted("PYTHON"))
                .build();
        assertThatOutcome(grade(question, Map.of("code", "S"), PARTIAL)).isNotEvaluated("Judge0 not configured");
    }

    private QuestionOutcome gradeHalfRight(QuizSettings settings) {
        runner.prints("# boilerplate\nHALF\n# driver", "1 2", "3").prints("# boilerplate\nHALF\n# driver", "3 4", "8");
        Question question = aQuestion()
                .raw("CODING", PY_CONFIG.formatted(2, 3), PY_SOLUTION)
                .marks(5.0)
                .build();
        return gradePython(question, "HALF", settings);
    }

    private QuestionOutcome gradePython(Question question, String code, QuizSettings settings) {
        return grade(grader, question, Map.of("language", "PYTHON", "code", code), settings);
    }

    private QuestionOutcome gradeCode(String language, String code) {
        return gradeCode(language, code, language);
    }

    private QuestionOutcome gradeCode(String language, String code, String answerLanguage) {
        Question question = aQuestion()
                .raw("CODING", DATA.formatted(language), SOLUTION.formatted(language))
                .marks(4.0)
                .build();
        return grade(grader, question, Map.of("code", code, "language", answerLanguage), PARTIAL);
    }
}
