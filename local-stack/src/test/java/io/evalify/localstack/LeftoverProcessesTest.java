package io.evalify.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Children of runs that died without stopping them, with real processes. */
class LeftoverProcessesTest {

    /** Above Linux's largest pid: a process that cannot be running. */
    private static final String DEAD_OWNER = "4194305 1700000000000";

    private static final Duration GRACE = Duration.ofSeconds(2);

    @TempDir
    Path root;

    private final StringWriter out = new StringWriter();
    private Process child;

    @AfterEach
    void killChild() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    @Test
    void shouldStopTheChildrenOfARunWhoseOwnerIsGone() throws IOException {
        child = sleeper();
        var run = runListing(DEAD_OWNER + " " + stamp(child.toHandle()));

        int stopped = LeftoverProcesses.reap(root, GRACE, new PrintWriter(out));

        assertThat(stopped).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> !child.isAlive());
        assertThat(out.toString()).contains("stopping pid " + child.pid());
        assertThat(run.resolve(LeftoverProcesses.FILE_NAME)).doesNotExist();
    }

    @Test
    void shouldLeaveTheChildrenOfARunThatIsStillGoing() {
        child = sleeper();
        var run = RunDir.create(root, LocalDateTime.now());
        LeftoverProcesses.record(run, child.toHandle());

        int stopped = LeftoverProcesses.reap(root, GRACE, new PrintWriter(out));

        assertThat(stopped).isZero();
        assertThat(child.isAlive()).isTrue();
        assertThat(run.path().resolve(LeftoverProcesses.FILE_NAME)).exists();
    }

    @Test
    void shouldNotTouchAProcessThatMerelyHasTheRecordedPid() throws IOException {
        child = sleeper();
        var run = runListing(DEAD_OWNER + " " + child.pid() + " 1700000000000");

        int stopped = LeftoverProcesses.reap(root, GRACE, new PrintWriter(out));

        assertThat(stopped).isZero();
        assertThat(child.isAlive()).isTrue();
        assertThat(run.resolve(LeftoverProcesses.FILE_NAME)).doesNotExist();
    }

    @Test
    void shouldForgetTheChildrenOfAStackThatStoppedThemItself() {
        var run = RunDir.create(root, LocalDateTime.now());
        try (var stack = new LocalStack(run, root, new PrintWriter(out), GRACE)) {
            stack.start("sleeper", List.of("sleep", "300"), Map.of());
            assertThat(run.path().resolve(LeftoverProcesses.FILE_NAME)).exists();
        }
        assertThat(run.path().resolve(LeftoverProcesses.FILE_NAME)).doesNotExist();
    }

    private Path runListing(String line) throws IOException {
        var run = RunDir.create(root, LocalDateTime.now()).path();
        Files.writeString(run.resolve(LeftoverProcesses.FILE_NAME), line + System.lineSeparator());
        return run;
    }

    private static Process sleeper() {
        try {
            return new ProcessBuilder("sleep", "300").start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String stamp(ProcessHandle process) {
        return process.pid() + " "
                + process.info().startInstant().map(Instant::toEpochMilli).orElseThrow();
    }
}
