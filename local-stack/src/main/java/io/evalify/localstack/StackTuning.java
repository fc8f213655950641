package io.evalify.localstack;

import java.util.List;
import java.util.Map;

/**
 * Settings a stack's children get on top of the defaults, e.g. for a benchmark: what the fakes generate and
 * how slow they are, and the worker's concurrency.
 *
 * @param fakesArgs arguments of the fakes that replace the demo quiz (empty: the demo quiz)
 * @param workerEnv environment variables added to the worker's
 * @param workerJvmArgs JVM options of the worker (e.g. a flight recording)
 * @param apiJvmArgs JVM options of the API
 */
public record StackTuning(
        List<String> fakesArgs, Map<String, String> workerEnv, List<String> workerJvmArgs, List<String> apiJvmArgs) {

    /** The defaults of {@code evalify local}. */
    public static final StackTuning NONE = new StackTuning(List.of(), Map.of(), List.of(), List.of());

    /** Copies the lists and maps. */
    public StackTuning {
        fakesArgs = List.copyOf(fakesArgs);
        workerEnv = Map.copyOf(workerEnv);
        workerJvmArgs = List.copyOf(workerJvmArgs);
        apiJvmArgs = List.copyOf(apiJvmArgs);
    }
}
