package io.evalify.grading.coding;

import io.evalify.grading.judge0.CodeRunner;
import io.evalify.grading.judge0.Judge0Result;
import io.evalify.grading.judge0.Judge0Submission;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a reference solution against the stored expected outputs once per (question, language, reference,
 * test cases) for the life of this object, instead of once per student and case as before. A failed check
 * is cached too: the question ERRORs for every student with the same reason. A remote failure is not
 * cached, so a later task tries again. Two students racing may both run the check; the results agree.
 */
final class ReferenceChecks {

    private record Key(String questionId, CodingLanguage language, String source, List<TestCase> cases) {}

    private final CodeRunner runner;
    private final Map<Key, Optional<String>> outcomes = new ConcurrentHashMap<>();

    ReferenceChecks(CodeRunner runner) {
        this.runner = runner;
    }

    /** The reason the reference disagrees with the expected outputs, or empty when it agrees. */
    Optional<String> problem(String questionId, LanguageSetup setup, CodingSpec spec) {
        Key key = new Key(questionId, setup.language(), setup.assemble(setup.referenceSolution()), spec.testCases());
        Optional<String> known = outcomes.get(key);
        if (known != null) {
            return known;
        }
        Optional<String> checked = check(key, spec);
        outcomes.putIfAbsent(key, checked);
        return checked;
    }

    private Optional<String> check(Key key, CodingSpec spec) {
        for (TestCase testCase : key.cases()) {
            Judge0Result result = runner.run(submission(key, spec, testCase));
            if (!result.accepted()) {
                return Optional.of(
                        "Reference solution failed on test case " + testCase.id() + ": " + result.statusDescription());
            }
            if (!result.normalisedStdout().equals(Judge0Result.normalise(testCase.expectedOutput()))) {
                return Optional.of("Reference solution output mismatch on test case " + testCase.id());
            }
        }
        return Optional.empty();
    }

    private static Judge0Submission submission(Key key, CodingSpec spec, TestCase testCase) {
        return new Judge0Submission(
                key.source(), key.language().judge0Id(), testCase.input(), spec.cpuTimeLimit(), spec.memoryLimit());
    }
}
