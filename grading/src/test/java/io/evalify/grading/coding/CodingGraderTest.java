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
import io.evalify.schemas.backend.Question;
import io.evalify.schemas.backend.QuizSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CODING fixes of reference §9.12 and the Judge0 submission shape. */
class CodingGraderTest {

    private static final QuizSettings PARTIAL =
            aQuiz().codingPartialMarking(true).build();
    private static final String DATA = """
            {"config": {"languages": [{"language": "%s"}], "timeLimitMs": 2000, "memoryLimitMb": 128},
             "testCases": [{"id": "t1", "input": "1", "orderIndex": 1}, {"id": "t2", "input": "2", "orderIndex": 0}]}""";
    private static final String SOLUTION = """
            {"languages": [{"language": "%s", "referenceSolution": "REF"}],
             "testCases": [{"id": "t1", "expectedOutput": "one"}, {"id": "t2", "expectedOutput": "two"}]}""";

    private final MapRunner runner = new MapRunner().prints("REF", "1", "one").prints("REF", "2", "two");
    private final StudentGrader grader = new StudentGrader(new GradingServices(null, runner, Grading.FIXED));

    @Test
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
    void shouldErrorTheQuestionWhenTheReferenceDisagreesWithTheExpectedOutput() {
        runner.prints("REF", "2", "TWO?");
        assertThatOutcome(gradeCode("PYTHON", "S"))
                .isErrorContaining("Reference solution output mismatch on test case t2");
    }

    @Test
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
    void shouldFailACaseThatTimesOutButGradeTheRest() {
        runner.prints("S", "2", "two").answers("S", "1", MapRunner.status(5, "Time Limit Exceeded"));
        assertThatOutcome(gradeCode("PYTHON", "S")).isEvaluated(2.0, "Passed 1/2 test cases");
    }

    @Test
    void shouldFailEveryCaseAfterACompileErrorWithoutRunningThem() {
        runner.answers("BAD", "2", MapRunner.status(6, "Compilation Error"));
        assertThatOutcome(gradeCode("PYTHON", "BAD")).isEvaluated(0.0, "Passed 0/2 test cases");
        assertThat(runner.submissions().stream()
                        .filter(s -> s.sourceCode().equals("BAD"))
                        .count())
                .isEqualTo(1);
    }

    @Test
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
    void shouldErrorForALanguageTheQuestionDoesNotAllow() {
        assertThatOutcome(gradeCode("PYTHON", "S", "JAVA")).isErrorContaining("language JAVA is not allowed");
    }

    @Test
    void shouldLeaveCodingUngradedWithoutJudge0() {
        Question question = aQuestion()
                .raw("CODING", DATA.formatted("PYTHON"), SOLUTION.formatted("PYTHON"))
                .build();
        assertThatOutcome(grade(question, Map.of("code", "S"), PARTIAL)).isNotEvaluated("Judge0 not configured");
    }

    private io.evalify.schemas.result.QuestionOutcome gradeCode(String language, String code) {
        return gradeCode(language, code, language);
    }

    private io.evalify.schemas.result.QuestionOutcome gradeCode(String language, String code, String answerLanguage) {
        Question question = aQuestion()
                .raw("CODING", DATA.formatted(language), SOLUTION.formatted(language))
                .marks(4.0)
                .build();
        return grade(grader, question, Map.of("code", code, "language", answerLanguage), PARTIAL);
    }
}
