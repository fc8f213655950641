package io.evalify.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who used the CPU during a scenario: each process of the stack and the bench's own client. */
class CpuUsageTest {

    @Test
    void shouldListWhatEachProcessUsedInTheWindowBiggestFirst() {
        CpuUsage before = usage(Map.of("worker", 10_000L, "api", 2_000L));
        CpuUsage after = usage(Map.of("worker", 41_200L, "api", 3_100L, "fakes", 12_000L));

        assertThat(after.since(before, Duration.ofSeconds(25), 2))
                .isEqualTo(
                        "CPU seconds: worker 31.2, fakes 12.0, api 1.1; bench client 0.0 (of 50.0 available on 2 cores"
                                + " in 25.0 s)");
    }

    @Test
    void shouldSayWhatTheBenchsOwnClientUsed() {
        var before = new CpuUsage(Map.of("api", Duration.ofSeconds(10)), Duration.ofSeconds(3));
        var after = new CpuUsage(Map.of("api", Duration.ofSeconds(37)), Duration.ofMillis(9_500));

        assertThat(after.since(before, Duration.ofSeconds(30), 2))
                .isEqualTo("CPU seconds: api 27.0; bench client 6.5 (of 60.0 available on 2 cores in 30.0 s)");
    }

    @Test
    void shouldSampleTheBenchClientEvenWithoutChildren() {
        var usage = CpuUsage.sample(List.of());

        assertThat(usage.byProcess()).isEmpty();
        assertThat(usage.benchClient()).isPositive();
    }

    @Test
    void shouldSampleNothingWithoutChildren() {
        assertThat(CpuUsage.sample(List.of()).byProcess()).isEmpty();
    }

    private static CpuUsage usage(Map<String, Long> millis) {
        Map<String, Duration> used = new LinkedHashMap<>();
        millis.forEach((name, ms) -> used.put(name, Duration.ofMillis(ms)));
        return new CpuUsage(used);
    }
}
