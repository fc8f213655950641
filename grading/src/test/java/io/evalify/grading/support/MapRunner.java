package io.evalify.grading.support;

import io.evalify.grading.judge0.CodeRunner;
import io.evalify.grading.judge0.Judge0Result;
import io.evalify.grading.judge0.Judge0Submission;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** An in-memory Judge0 keyed by (source, stdin), as the old test suite's fake: unknown pairs are runtime errors. */
public final class MapRunner implements CodeRunner {

    private record Key(String source, String stdin) {}

    private final Map<Key, Judge0Result> results = new ConcurrentHashMap<>();
    private final List<Judge0Submission> submissions = new CopyOnWriteArrayList<>();

    /** An accepted run printing {@code stdout}. */
    public MapRunner prints(String source, String stdin, String stdout) {
        return answers(source, stdin, accepted(stdout));
    }

    /** Any canned result. */
    public MapRunner answers(String source, String stdin, Judge0Result result) {
        results.put(new Key(source, stdin), result);
        return this;
    }

    @Override
    public Judge0Result run(Judge0Submission submission) {
        submissions.add(submission);
        return results.getOrDefault(
                new Key(submission.sourceCode(), submission.stdin()), status(11, "Runtime Error (NZEC)"));
    }

    /** Everything submitted, in order. */
    public List<Judge0Submission> submissions() {
        return List.copyOf(submissions);
    }

    public static Judge0Result accepted(String stdout) {
        return new Judge0Result(stdout, null, null, null, new Judge0Result.Status(3, "Accepted"));
    }

    public static Judge0Result status(int id, String description) {
        return new Judge0Result(null, "boom", null, null, new Judge0Result.Status(id, description));
    }
}
