package io.evalify.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.cli.CliRunner;
import io.evalify.cli.CliRunner.Result;
import io.evalify.cli.ExitCodes;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Options, help and usage errors of every command, without any server. */
class CommandLineParsingTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @CsvSource({
        "submit, --override-evaluated",
        "submit, --watch",
        "submit, --api-key",
        "status, --json",
        "watch, --api",
        "cancel, --api",
        "failures, --api",
        "retry-failed, --api-key",
        "replay, --from-offset",
        "replay, --to-time",
        "replay, --bootstrap-servers"
    })
    void helpShouldDescribeEachOption(String command, String option) {
        Result result = run(command, "--help");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("Usage: evalify " + command).contains(option);
    }

    @Test
    void topLevelHelpShouldListEveryCommandAndTheExitCodes() {
        Result result = run("--help");

        assertThat(result.out())
                .containsPattern("(?m)^  submit ")
                .containsPattern("(?m)^  status ")
                .containsPattern("(?m)^  watch ")
                .containsPattern("(?m)^  cancel ")
                .containsPattern("(?m)^  failures ")
                .containsPattern("(?m)^  retry-failed ")
                .containsPattern("(?m)^  replay ")
                .containsPattern("(?m)^  local ")
                .containsPattern("(?m)^  bench ")
                .containsPattern("(?m)^  test ")
                .containsPattern("(?m)^  help ")
                .contains("Exit codes:")
                .contains("Cannot reach the API");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "bench", "test"})
    void launcherCommandsShouldSayTheScriptRunsThem(String command) {
        Result result = run(command);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("./evalify " + command + " --help");
    }

    @Test
    void noCommandShouldBeAUsageError() {
        Result result = run();

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Missing command");
    }

    @ParameterizedTest
    @ValueSource(strings = {"submit", "status", "watch", "cancel", "failures", "retry-failed"})
    void missingRequiredArgumentsShouldBeUsageErrors(String command) {
        Result result = run(command);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Missing required");
    }

    @Test
    void replayShouldRequireExactlyOneStart() {
        assertThat(run("replay", "--topic", "t").exitCode()).isEqualTo(ExitCodes.USAGE);
        Result both = run("replay", "--topic", "t", "--from-offset", "1", "--from-time", "2026-01-10T10:00:00Z");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("mutually exclusive");
    }

    @Test
    void aMalformedApiUrlShouldBeAUsageError() {
        Result result = run("status", "j", "--api", "not a url");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("invalid API URL 'not a url'");
    }

    private Result run(String... args) {
        return new CliRunner(Map.of(), home).run(args);
    }
}
