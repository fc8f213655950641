package io.evalify.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuUsageTest {

    @Test
    void shouldListWhatEachProcessUsedInTheWindowBiggestFirst() {
        CpuUsage before = usage(Map.of("worker", 10_000L, "api", 2_000L));
        CpuUsage after = usage(Map.of("worker", 41_200L, "api", 3_100L, "fakes", 12_000L));

        assertThat(after.since(before, Duration.ofSeconds(25), 2))
                .isEqualTo("CPU seconds: worker 31.2, fakes 12.0, api 1.1 (of 50.0 available on 2 cores in 25.0 s)");
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
