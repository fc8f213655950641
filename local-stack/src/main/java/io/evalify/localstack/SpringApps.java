package io.evalify.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The API and the worker: Spring Boot exec jars configured only through environment variables
 * (relaxed binding: {@code EVALIFY_LLM_BASE_URL} is {@code evalify.llm.base-url}).
 */
public final class SpringApps {

    private final RepoLayout layout;
    private final LocalStack stack;

    /** Apps from {@code layout}'s jars, supervised by {@code stack}. */
    public SpringApps(RepoLayout layout, LocalStack stack) {
        this.layout = layout;
        this.stack = stack;
    }

    /** Starts the API on {@code port} with {@code tuning}'s JVM options. */
    public ChildProcess startApi(Endpoints endpoints, int port, StackTuning tuning) {
        return stack.start("api", command(layout.apiJar(), tuning.apiJvmArgs()), environment(endpoints, port));
    }

    /** Starts the worker, its management endpoints on {@code port}. */
    public ChildProcess startWorker(Endpoints endpoints, int port) {
        return startWorker(endpoints, port, StackTuning.NONE);
    }

    /** Starts the worker with {@code tuning}'s extra environment and JVM options. */
    public ChildProcess startWorker(Endpoints endpoints, int port, StackTuning tuning) {
        Map<String, String> env = environment(endpoints, port);
        env.put(
                "SPRING_KAFKA_STREAMS_STATE_DIR",
                stack.runDir().dir("streams-state").toString());
        env.putAll(tuning.workerEnv());
        return stack.start("worker", command(layout.workerJar(), tuning.workerJvmArgs()), env);
    }

    /** The environment shared by both apps; unset (null) values are left out. */
    static Map<String, String> environment(Endpoints e, int port) {
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_PORT", Integer.toString(port));
        // A local run may use the fakes' default backend key; a deployment must not (SecretRules).
        env.put("SPRING_PROFILES_ACTIVE", "local");
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", e.bootstrapServers());
        env.put("SPRING_DATA_REDIS_HOST", "127.0.0.1");
        env.put("SPRING_DATA_REDIS_PORT", Integer.toString(e.redisPort()));
        env.put("EVALIFY_BACKEND_BASE_URL", e.backend().url());
        env.put("EVALIFY_API_API_KEY", e.apiKey());
        // One key for a local operator: the API's also opens the worker's metrics and health details.
        env.put("EVALIFY_WORKER_MANAGEMENT_KEY", e.apiKey());
        env.put("EVALIFY_LLM_BASE_URL", e.llm().url());
        env.put("EVALIFY_JUDGE0_BASE_URL", e.judge0Url());
        putIfSet(env, "EVALIFY_BACKEND_API_KEY", e.backend().apiKey());
        putIfSet(env, "EVALIFY_LLM_API_KEY", e.llm().apiKey());
        putIfSet(env, "EVALIFY_LLM_MODEL", e.llm().model());
        return env;
    }

    private static void putIfSet(Map<String, String> env, String name, String value) {
        if (value != null) {
            env.put(name, value);
        }
    }

    private static List<String> command(Path jar, List<String> jvmArgs) {
        List<String> command = new ArrayList<>(List.of(JavaRuntime.javaExecutable()));
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toString()));
        return command;
    }
}
