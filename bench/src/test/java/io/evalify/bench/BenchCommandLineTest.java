package io.evalify.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.cli.CliRunner;
import io.evalify.cli.CliRunner.Result;
import io.evalify.cli.ExitCodes;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Options, help and usage errors of {@code evalify bench}, without starting anything. */
class BenchCommandLineTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @ValueSource(strings = {"--scenario", "--students", "--no-baselines", "--out", "--worker-jvm-opt"})
    void helpShouldDescribeEachOption(String option) {
        Result result = run("--help");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("Usage: evalify bench").contains(option);
    }

    @Test
    void benchShouldRejectFewerThanOneStudent() {
        Result result = run("--students", "0", "--no-baselines");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--students must be at least 1");
    }

    @Test
    void benchShouldRejectAnUnknownScenario() {
        Result result = run("--scenario", "S9");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("S1, S2, S3, S4, S5");
    }

    private Result run(String... args) {
        return new CliRunner(Map.of(), home, BenchCommand::commandLine).run(args);
    }
}
