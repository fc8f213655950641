package io.evalify.grading.judge0;

/** Runs one program on one input; {@link Judge0Client} is the real one. */
@FunctionalInterface
public interface CodeRunner {

    /**
     * Runs a submission and waits for its result.
     *
     * @throws io.evalify.grading.RemoteCallException when the runner is unreachable or fails
     */
    Judge0Result run(Judge0Submission submission);
}
