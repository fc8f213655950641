package io.evalify.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.cli.CliContext;
import io.evalify.cli.CurrentRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerTargetTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path home;

    @Test
    void shouldPreferTheOptionToEverythingElse() {
        writeCurrentRun("127.0.0.1:4000");

        BrokerTarget target =
                BrokerTarget.resolve("kafka:9092", context(Map.of(BrokerTarget.ENV, "env:9092")), TIMEOUT);

        assertThat(target.bootstrapServers()).isEqualTo("kafka:9092");
    }

    @Test
    void shouldPreferTheEnvironmentToTheRunningLocalStack() {
        writeCurrentRun("127.0.0.1:4000");

        BrokerTarget target = BrokerTarget.resolve(null, context(Map.of(BrokerTarget.ENV, "env:9092")), TIMEOUT);

        assertThat(target.bootstrapServers()).isEqualTo("env:9092");
    }

    @Test
    void shouldUseTheBrokerOfTheRunningLocalStack() {
        writeCurrentRun("127.0.0.1:4000");

        assertThat(BrokerTarget.resolve(null, context(Map.of()), TIMEOUT).bootstrapServers())
                .isEqualTo("127.0.0.1:4000");
    }

    @Test
    void shouldFallBackToTheDefaultWhenTheLocalStackFileHasNoBroker() {
        writeCurrentRun(null);

        assertThat(BrokerTarget.resolve(null, context(Map.of()), TIMEOUT).bootstrapServers())
                .isEqualTo(BrokerTarget.DEFAULT);
    }

    @Test
    void shouldBoundEveryClientWaitByTheTimeout() {
        Map<String, Object> props = new BrokerTarget("b:1", TIMEOUT).clientProperties();

        assertThat(props)
                .containsEntry("request.timeout.ms", 10_000)
                .containsEntry("default.api.timeout.ms", 10_000)
                .containsEntry("max.block.ms", 10_000);
    }

    private CliContext context(Map<String, String> env) {
        return new CliContext(env, home, false, Duration.ofMillis(10));
    }

    private void writeCurrentRun(String bootstrapServers) {
        new CurrentRun(
                        "http://127.0.0.1:9000",
                        "k",
                        "run",
                        ProcessHandle.current().pid(),
                        bootstrapServers)
                .write(context(Map.of()).localRoot());
    }
}
