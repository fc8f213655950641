package io.evalify.grading.coding;

import io.evalify.grading.Feedback;
import io.evalify.grading.Grade;
import io.evalify.grading.GradingInput;
import io.evalify.grading.QuestionGrader;
import io.evalify.grading.judge0.CodeRunner;
import io.evalify.grading.judge0.Judge0Result;
import io.evalify.grading.judge0.Judge0Submission;
import io.evalify.schemas.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * CODING via Judge0: the student's program runs once per test case and passes a case when its output
 * ({@code \r\n}→{@code \n}, trimmed) equals the stored {@code expectedOutput}. A compile error, runtime
 * error or time-out fails that case only (a compile error fails the remaining cases without running them).
 * The reference solution is checked once per grader instance ({@link ReferenceChecks}); if it disagrees
 * with the expected outputs the question ERRORs. Score: all cases → full marks; some → the passed cases'
 * scaled weights when {@code codingGlobalPartialMarking} is on, else 0. Feedback "Passed P/N test cases".
 */
public final class CodingGrader implements QuestionGrader {

    /** Remarks when no Judge0 is configured. */
    public static final String NOT_CONFIGURED = "Judge0 not configured";

    private final CodeRunner runner;
    private final ReferenceChecks references;

    /** @param runner the code runner, or null when none is configured */
    public CodingGrader(CodeRunner runner) {
        this.runner = runner;
        this.references = runner == null ? null : new ReferenceChecks(runner);
    }

    @Override
    public Grade grade(GradingInput input) {
        CodingSpec spec = CodingSpec.of(input.data(), input.solution(), input.marks());
        CodingAnswer answer = CodingAnswer.of(input.answer());
        if (answer.blank()) {
            return Grade.noAnswer();
        }
        LanguageSetup setup = spec.setupFor(answer.language());
        if (runner == null) {
            return Grade.notEvaluated(NOT_CONFIGURED);
        }
        Optional<String> problem = referenceProblem(input, setup, spec);
        return problem.map(Grade::error).orElseGet(() -> score(input, run(spec, setup, answer)));
    }

    private Optional<String> referenceProblem(GradingInput input, LanguageSetup setup, CodingSpec spec) {
        return setup.referenceSolution() == null
                ? Optional.empty()
                : references.problem(input.questionId(), setup, spec);
    }

    private List<CaseResult> run(CodingSpec spec, LanguageSetup setup, CodingAnswer answer) {
        String source = setup.assemble(answer.code());
        List<CaseResult> results = new ArrayList<>();
        Judge0Result compileError = null;
        for (TestCase testCase : spec.testCases()) {
            Judge0Result result =
                    compileError != null ? compileError : runner.run(submission(spec, setup, source, testCase));
            compileError = result.statusId() == Judge0Result.COMPILATION_ERROR ? result : null;
            results.add(CaseResult.of(testCase, result));
        }
        return results;
    }

    private static Judge0Submission submission(CodingSpec spec, LanguageSetup setup, String source, TestCase testCase) {
        return new Judge0Submission(
                source, setup.language().judge0Id(), testCase.input(), spec.cpuTimeLimit(), spec.memoryLimit());
    }

    private static Grade score(GradingInput input, List<CaseResult> results) {
        int passed = (int) results.stream().filter(CaseResult::passed).count();
        double earned = results.stream()
                .filter(CaseResult::passed)
                .mapToDouble(r -> r.testCase().marks())
                .sum();
        boolean partialMarking = Boolean.TRUE.equals(input.settings().codingGlobalPartialMarking());
        double mark = passed == results.size() ? input.marks() : partialMarking ? earned : 0;
        return Grade.evaluated(mark, Feedback.passed(passed, results.size())).withDetails(details(results));
    }

    private static ObjectNode details(List<CaseResult> results) {
        ArrayNode cases = Json.mapper().createArrayNode();
        results.forEach(result -> cases.add(result.toJson()));
        return Json.mapper().createObjectNode().set("testCases", cases);
    }

    /** One case's outcome. */
    private record CaseResult(TestCase testCase, boolean passed, String status) {

        static CaseResult of(TestCase testCase, Judge0Result result) {
            boolean passed = result.accepted()
                    && result.normalisedStdout().equals(Judge0Result.normalise(testCase.expectedOutput()));
            String status = result.accepted() ? (passed ? "Passed" : "Wrong Answer") : result.statusDescription();
            return new CaseResult(testCase, passed, status);
        }

        ObjectNode toJson() {
            return Json.mapper()
                    .createObjectNode()
                    .put("id", testCase.id())
                    .put("passed", passed)
                    .put("status", status);
        }
    }
}
