package io.evalify.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.evalify.localstack.ChildProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JitActivityTest {

    @Test
    void shouldReportTheCompilersShareOfTheCpuUsedBetweenTwoSamples() {
        var before = new JitActivity(Duration.ofMillis(1_000), Duration.ofMillis(10_000));
        var after = new JitActivity(Duration.ofMillis(1_500), Duration.ofMillis(20_000));

        assertThat(after.compilerShareSince(before)).isEqualTo(0.05);
    }

    @Test
    void shouldNeverReportANegativeShareWhenACompilerThreadExited() {
        var before = new JitActivity(Duration.ofMillis(2_000), Duration.ofMillis(10_000));
        var after = new JitActivity(Duration.ofMillis(1_000), Duration.ofMillis(11_000));

        assertThat(after.compilerShareSince(before)).isZero();
    }

    @Test
    void shouldReportNoShareWhenNoCpuWasUsed() {
        var sample = new JitActivity(Duration.ofMillis(5), Duration.ofMillis(10));

        assertThat(sample.compilerShareSince(sample)).isZero();
    }

    @Test
    void shouldSeeTheCompilerThreadsOfAJavaChildAtWork(@TempDir Path dir) throws Exception {
        assumeThat(Files.isDirectory(Path.of("/proc/self/task"))).isTrue();
        Path source = Files.writeString(
                dir.resolve("Idle.java"),
                "class Idle { public static void main(String[] a) throws Exception { Thread.currentThread().join(); } }");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // -Xcomp compiles every method before it first runs, here the source launcher's javac; the child then
        // waits on itself until the test destroys it
        ChildProcess child = ChildProcess.start(
                "idle", List.of(java, "-Xcomp", source.toString()), Map.of(), dir, dir.resolve("idle.log"));
        try {
            var start = new JitActivity(Duration.ZERO, Duration.ZERO);
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> JitActivity.sample(List.of(child))
                                    .orElseThrow()
                                    .compilers(),
                            Duration::isPositive);

            JitActivity sample = JitActivity.sample(List.of(child)).orElseThrow();
            assertThat(sample.total()).isGreaterThanOrEqualTo(sample.compilers());
            assertThat(sample.compilerShareSince(start)).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
        } finally {
            child.handle().destroyForcibly();
        }
    }
}
