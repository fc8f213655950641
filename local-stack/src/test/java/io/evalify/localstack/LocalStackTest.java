package io.evalify.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Supervision with plain shell processes: start, logs, death detection, stop of whole process trees. */
class LocalStackTest {

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private LocalStack stack;

    @BeforeEach
    void createStack() {
        RunDir runDir = RunDir.create(home.resolve(".evalify/local"), LocalDateTime.now());
        stack = new LocalStack(runDir, home, new PrintWriter(out), Duration.ofMillis(500));
    }

    @AfterEach
    void closeStack() {
        stack.close();
    }

    @Test
    void shouldSendEachChildsOutputToItsLogFile() {
        ChildProcess child = stack.start("echo", sh("echo hello from $GREETING"), Map.of("GREETING", "env"));

        await().atMost(Duration.ofSeconds(10)).until(() -> child.tail(1).equals("hello from env"));
        assertThat(child.log()).isEqualTo(stack.runDir().path().resolve("logs/echo.log"));
    }

    @Test
    void shouldStopEveryChildAndItsDescendantsOnClose() {
        ChildProcess parent = stack.start("tree", sh("sleep 300 & sleep 300 & wait"), Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> descendants(parent).size() == 2);
        List<ProcessHandle> descendants = descendants(parent);

        stack.close();

        assertThat(parent.isAlive()).isFalse();
        assertThat(descendants).noneMatch(ProcessHandle::isAlive);
        assertThat(out.toString()).contains("stopping 1 local process(es)").contains("all local processes stopped");
    }

    @Test
    void shouldKillAChildThatIgnoresSigtermAfterTheGracePeriod() {
        ChildProcess stubborn = stack.start("stubborn", sh("trap '' TERM; while true; do sleep 0.1; done"), Map.of());
        await().atMost(Duration.ofSeconds(5)).until(stubborn::isAlive);

        stack.close();

        assertThat(stubborn.isAlive()).isFalse();
    }

    @Test
    void closeShouldBeIdempotent() {
        stack.start("sleeper", sh("sleep 300"), Map.of());

        stack.close();
        stack.close();

        assertThat(out.toString()).containsOnlyOnce("stopping");
        assertThatThrownBy(() -> stack.start("late", sh("true"), Map.of())).isInstanceOf(StackException.class);
    }

    @Test
    void awaitReadyShouldFailFastWithTheLogTailWhenTheChildDies() {
        ChildProcess doomed = stack.start("doomed", sh("echo cannot bind port; exit 7"), Map.of());

        assertThatThrownBy(() -> stack.awaitReady(doomed, () -> false, Duration.ofMinutes(1)))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("doomed exited with code 7")
                .hasMessageContaining("cannot bind port");
    }

    @Test
    void awaitReadyShouldGiveUpAfterTheTimeout() {
        ChildProcess slow = stack.start("slow", sh("sleep 300"), Map.of());

        assertThatThrownBy(() -> stack.awaitReady(slow, () -> false, Duration.ofMillis(300)))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("slow not ready after");
    }

    @Test
    void checkAliveShouldReportAChildThatDied() {
        ChildProcess shortLived = stack.start("short", sh("exit 3"), Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> !shortLived.isAlive());

        assertThatThrownBy(stack::checkAlive).isInstanceOf(StackException.class).hasMessageContaining("code 3");
    }

    @Test
    void runToCompletionShouldNotLeaveTheOneShotUnderSupervision() {
        ChildProcess done = stack.runToCompletion("once", sh("exit 0"), Duration.ofSeconds(10));

        assertThat(done.exitValue()).isZero();
        stack.checkAlive(); // a finished one-shot is not a dead child
        assertThat(stack.snapshot()).isEmpty();
    }

    private static List<ProcessHandle> descendants(ChildProcess child) {
        return ProcessHandle.of(child.pid()).stream()
                .flatMap(ProcessHandle::descendants)
                .toList();
    }

    private static List<String> sh(String script) {
        return List.of("/bin/sh", "-c", script);
    }
}
