package io.evalify.localstack;

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

/** Options, help and usage errors of {@code evalify local}, without starting anything. */
class LocalCommandLineTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @ValueSource(
            strings = {"--students", "--keep-running", "--backend-url", "--llm-model", "--judge0-url", "--quiz-id"})
    void helpShouldDescribeEachOption(String option) {
        Result result = run("--help");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("Usage: evalify local").contains(option);
    }

    @Test
    void localWithABackendUrlShouldNeedAQuizId() {
        Result result = run("--backend-url", "http://127.0.0.1:1/api/utils");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--backend-url needs --quiz-id");
    }

    @Test
    void localShouldSayWhatIsNotBuiltAndExitThree() {
        Result result = run();

        assertThat(result.exitCode()).isEqualTo(ExitCodes.API_UNREACHABLE);
        assertThat(result.err()).contains("not built yet").contains("api/target/api-0.1.0-SNAPSHOT-exec.jar");
    }

    private Result run(String... args) {
        return new CliRunner(Map.of(), home, LocalCommand::commandLine).run(args);
    }
}
