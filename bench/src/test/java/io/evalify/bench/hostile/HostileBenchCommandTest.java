package io.evalify.bench.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.bench.BenchCommand;
import io.evalify.cli.CliRunner;
import io.evalify.cli.ExitCodes;
import io.evalify.grading.hostile.HostileAnswers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evalify bench hostile} on a handful of answers: every grader is run and reported; what the times are is
 * the bench's business, not this test's.
 */
class HostileBenchCommandTest {

    @TempDir
    Path home;

    @Test
    void shouldReportEveryGraderAndWriteTheTable() throws Exception {
        var result = new CliRunner(Map.of(), home, BenchCommand::commandLine)
                .run("hostile", "--answers", "3", "--warm-up", "0", "--out", home.toString());

        assertThat(result.exitCode()).isIn(ExitCodes.OK, ExitCodes.JOB_NOT_COMPLETED);
        var table = Files.readString(home.resolve("hostile-latest.md"));
        HostileAnswers.questions().forEach(q -> assertThat(table).contains("| " + q.id() + " | 3 |"));
        assertThat(result.out()).contains(table);
    }

    @Test
    void shouldMissTheTargetWhenAnAnswerEscapedItsQuestionOrTookTooLong() {
        var confinedAndQuick = new GraderTiming("mcq", 10, 0.1, 1, 2, 10, 0);
        var escaped = new GraderTiming("mcq", 10, 0.1, 1, 2, 10, 1);
        var slow = new GraderTiming("mcq", 10, 0.1, 1, HostileAnswerRun.BUDGET_MILLIS + 1, 10, 0);

        assertThat(List.of(confinedAndQuick, escaped, slow))
                .extracting(GraderTiming::passes)
                .containsExactly(true, false, false);
        assertThat(HostileBenchCommand.table(List.of(slow))).contains("MISSED");
    }
}
