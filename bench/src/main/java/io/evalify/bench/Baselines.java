package io.evalify.bench;

import io.evalify.schemas.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Runs {@code bench/baselines/run_baseline.sh SYSTEM SCENARIO --students N} (RQ and Celery, which start their
 * own Redis and fakes) and reads the JSON line it prints last: {@code {"system","scenario","students",
 * "seconds",...}}. A missing script, a failure or a time-out becomes a note in the report, not an error.
 */
final class Baselines {

    /** The systems we compare with. */
    static final List<String> SYSTEMS = List.of("rq", "celery");

    static final String NOT_AVAILABLE = "baseline not available";

    private final Path script;
    private final Path logDir;
    private final Duration timeout;

    /** Baselines from {@code home}'s script, logging to {@code logDir}. */
    Baselines(Path home, Path logDir, Duration timeout) {
        this.script = home.resolve("bench/baselines/run_baseline.sh");
        this.logDir = logDir;
        this.timeout = timeout;
    }

    /** Whether the script exists. */
    boolean available() {
        return Files.isRegularFile(script);
    }

    /** Each system's run of {@code scenario} with {@code students}, compared with our {@code oursSeconds}. */
    List<BaselineResult> run(Scenario scenario, int students, double oursSeconds) {
        List<BaselineResult> results = new ArrayList<>();
        for (String system : SYSTEMS) {
            results.add(
                    available()
                            ? runOne(system, scenario, students, oursSeconds)
                            : BaselineResult.unavailable(system, NOT_AVAILABLE + ": no " + script.getFileName()));
        }
        return results;
    }

    private BaselineResult runOne(String system, Scenario scenario, int students, double oursSeconds) {
        Path log = logDir.resolve("baseline-" + system + "-" + scenario + ".log");
        List<String> command =
                List.of("bash", script.toString(), system, scenario.name(), "--students", Integer.toString(students));
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(script.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            return BaselineResult.unavailable(system, "cannot run " + script + ": " + e.getMessage());
        }
        // Ctrl-C (or SIGTERM) of the bench must not leave the baseline's workers, Redis and fakes running.
        Thread hook = new Thread(() -> stop(process), "evalify-baseline-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                stop(process);
                return BaselineResult.unavailable(
                        system, "timed out after " + timeout.toMinutes() + " min, see " + log);
            }
            return parse(Files.readAllLines(log, StandardCharsets.UTF_8))
                    .map(seconds -> BaselineResult.measured(system, seconds, oursSeconds))
                    .orElseGet(() -> BaselineResult.unavailable(
                            system, "exit " + process.exitValue() + ", no result line, see " + log));
        } catch (IOException e) {
            return BaselineResult.unavailable(system, "cannot read " + log + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(process);
            return BaselineResult.unavailable(system, "interrupted");
        } finally {
            removeHook(hook);
        }
    }

    /** SIGTERM to the script first (its trap stops its Redis and fakes), then whatever is left of the tree. */
    private static void stop(Process process) {
        var tree = process.descendants().toList();
        process.destroy();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running
        }
    }

    /** The {@code seconds} of the last line that is a JSON object with that field. */
    static Optional<Double> parse(List<String> output) {
        for (int i = output.size() - 1; i >= 0; i--) {
            String line = output.get(i).trim();
            if (line.startsWith("{")) {
                try {
                    JsonNode json = Json.mapper().readTree(line);
                    if (json.path("seconds").isNumber()) {
                        return Optional.of(json.path("seconds").asDouble());
                    }
                } catch (JacksonException e) {
                    // not the result line: keep looking upwards
                }
            }
        }
        return Optional.empty();
    }
}
