package io.evalify.fakes;

import ch.qos.logback.classic.Level;
import io.evalify.fakes.backend.BackendRoute;
import io.evalify.fakes.backend.FakeBackend;
import io.evalify.fakes.backend.GeneratedQuizSpec;
import io.evalify.fakes.judge0.FakeJudge0;
import io.evalify.fakes.llm.FakeLlm;
import io.evalify.schemas.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Starts the three fakes from command-line flags ({@code --help} lists them), logs one line per fake
 * ({@code backend <url>}, {@code llm <url>}, {@code judge0 <url>}), optionally writes a ready file, and
 * runs until SIGTERM/SIGINT.
 */
public final class FakesMain {

    private static final Logger log = LoggerFactory.getLogger(FakesMain.class);

    private FakesMain() {}

    /** Entry point. */
    public static void main(String[] args) throws IOException, InterruptedException {
        FakesOptions options;
        try {
            options = FakesOptions.parse(args);
        } catch (IllegalArgumentException e) {
            log.error("{}\n{}", e.getMessage(), FakesOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            log.info("{}", FakesOptions.USAGE);
            return;
        }
        setLogLevel(options.verbose ? Level.DEBUG : Level.INFO);
        Fakes fakes = start(options);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(fakes::close));
        log.info("backend {}", fakes.backend().baseUrl());
        log.info("llm {}", fakes.llm().rootUrl());
        log.info("judge0 {}", fakes.judge0().rootUrl());
        if (options.readyFile != null) {
            writeReadyFile(options.readyFile, fakes);
        }
        new CountDownLatch(1).await();
    }

    /** The three running fakes. */
    record Fakes(FakeBackend backend, FakeLlm llm, FakeJudge0 judge0) implements AutoCloseable {
        @Override
        public void close() {
            backend.close();
            llm.close();
            judge0.close();
        }
    }

    /** Builds, configures and starts the fakes described by {@code options}. */
    static Fakes start(FakesOptions options) {
        return new Fakes(startBackend(options), startLlm(options), startJudge0(options));
    }

    private static FakeBackend startBackend(FakesOptions o) {
        FakeBackend backend = new FakeBackend(o.host, o.backendPort, o.basePath, o.apiKey);
        if (o.sampleFixture) {
            backend.loadSampleFixture();
        }
        o.fixtures.forEach(backend::loadFixture);
        for (GeneratedQuizSpec spec : o.generatedSpecs()) {
            backend.generateQuiz(spec);
            log.info(
                    "generated quiz {}: {} students x {} questions, seed {}",
                    spec.quizId(),
                    spec.students(),
                    spec.questions(),
                    spec.seed());
        }
        backend.faultsForReads(f -> f.latencyMillis(o.backendLatencyMs).error500Rate(o.backendFault500Rate));
        backend.faults(BackendRoute.SAVE).latencyMillis(o.backendLatencyMs).error500Rate(o.backendFault500Rate);
        return backend.start();
    }

    private static FakeLlm startLlm(FakesOptions o) {
        FakeLlm llm = new FakeLlm(o.host, o.llmPort, o.llmApiKey).obedient(o.llmObedient);
        llm.faults()
                .latency(o.llmLatency)
                .rateLimitRate(o.llmFault429Rate)
                .retryAfterSeconds(o.llmRetryAfterSeconds)
                .serverErrorRate(o.llmFault500Rate)
                .malformedRate(o.llmMalformedRate)
                .hang(o.llmHangRate, Duration.ofMinutes(5));
        return llm.start();
    }

    private static FakeJudge0 startJudge0(FakesOptions o) {
        FakeJudge0 judge0 = new FakeJudge0(o.host, o.judge0Port);
        judge0.faults().latencyMillis(o.judge0LatencyMs).error500Rate(o.judge0Fault500Rate);
        return judge0.start();
    }

    /** Written to a temp file and moved, so a launcher polling for the file never reads half of it. */
    static void writeReadyFile(Path file, Fakes fakes) throws IOException {
        ObjectNode ready = Json.mapper().createObjectNode();
        ready.put("backend_url", fakes.backend().baseUrl());
        ready.put("llm_url", fakes.llm().rootUrl());
        ready.put("judge0_url", fakes.judge0().rootUrl());
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".fakes-ready", ".tmp");
        Files.writeString(temp, Json.mapper().writeValueAsString(ready));
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void setLogLevel(Level level) {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(level);
        }
    }
}
