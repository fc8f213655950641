package io.evalify.localstack;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.evalify.schemas.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.core.JacksonException;

/**
 * The fakes process (fake Evalify backend, OpenAI-compatible LLM and Judge0 in one JVM): each binds a
 * port of its own choosing and the process writes the URLs to a ready file once it serves.
 */
public final class FakeServices {

    private final RepoLayout layout;
    private final LocalStack stack;

    /** Fakes from {@code layout}'s jar, supervised by {@code stack}. */
    public FakeServices(RepoLayout layout, LocalStack stack) {
        this.layout = layout;
        this.stack = stack;
    }

    /**
     * The URLs the fakes serve on, as written to the ready file.
     *
     * @param backendUrl the fake backend's base URL
     * @param llmUrl the fake LLM's base URL
     * @param judge0Url the fake Judge0's base URL
     */
    public record Urls(
            @JsonProperty("backend_url") String backendUrl,
            @JsonProperty("llm_url") String llmUrl,
            @JsonProperty("judge0_url") String judge0Url) {}

    /**
     * What to generate.
     *
     * @param apiKey the key the fakes require from their callers
     * @param quizId the demo quiz to generate
     * @param students how many students answered it
     */
    public record Demo(String apiKey, String quizId, int students) {}

    /** Starts the fakes; returns once their ready file names the URLs. */
    public Urls startAndAwait(Demo demo, Duration timeout) {
        return startAndAwait(demo, List.of(), timeout);
    }

    /** As above, with {@code workload} (quizzes, latencies) instead of the demo quiz when not empty. */
    public Urls startAndAwait(Demo demo, List<String> workload, Duration timeout) {
        Path readyFile = stack.runDir().dir("fakes").resolve("ready.json");
        ChildProcess child = stack.start("fakes", command(demo, workload, readyFile), Map.of());
        AtomicReference<Urls> urls = new AtomicReference<>();
        stack.awaitReady(
                child,
                () -> read(readyFile)
                        .map(u -> {
                            urls.set(u);
                            return true;
                        })
                        .orElse(false),
                timeout);
        return urls.get();
    }

    /** The fakes' command line with the demo quiz. */
    List<String> command(Demo demo, Path readyFile) {
        return command(demo, List.of(), readyFile);
    }

    /** The fakes' command line; a non-empty {@code workload} replaces the demo quiz. */
    List<String> command(Demo demo, List<String> workload, Path readyFile) {
        List<String> command = new ArrayList<>(List.of(
                JavaRuntime.javaExecutable(),
                "-jar",
                layout.fakesJar().toString(),
                "--backend-port",
                "0",
                "--llm-port",
                "0",
                "--judge0-port",
                "0",
                "--api-key",
                demo.apiKey()));
        layout.sharedFixture().ifPresent(f -> command.addAll(List.of("--fixture", f.toString())));
        command.addAll(workload.isEmpty() ? demoQuiz(demo) : workload);
        command.addAll(List.of("--ready-file", readyFile.toString()));
        return command;
    }

    private static List<String> demoQuiz(Demo demo) {
        return List.of(
                "--generate-quiz",
                demo.quizId(),
                "--students",
                Integer.toString(demo.students()),
                "--questions",
                "10",
                "--types",
                "MCQ,MMCQ,TRUE_FALSE");
    }

    /** The ready file's URLs, once it exists and is complete (it may be read while being written). */
    static Optional<Urls> read(Path readyFile) {
        if (!Files.isRegularFile(readyFile)) {
            return Optional.empty();
        }
        try {
            Urls urls = Json.mapper().readValue(readyFile.toFile(), Urls.class);
            return urls.backendUrl() == null ? Optional.empty() : Optional.of(urls);
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
