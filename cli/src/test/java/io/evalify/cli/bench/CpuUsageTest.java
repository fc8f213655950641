package io.evalify.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who used the CPU during a scenario: each process of the stack, the rest of the machine, the hypervisor. */
class CpuUsageTest {

    @Test
    void shouldListWhatEachProcessUsedInTheWindowBiggestFirst() {
        CpuUsage before = usage(Map.of("worker", 10_000L, "api", 2_000L));
        CpuUsage after = usage(Map.of("worker", 41_200L, "api", 3_100L, "fakes", 12_000L));

        assertThat(after.since(before, Duration.ofSeconds(25), 2))
                .isEqualTo("CPU seconds: worker 31.2, fakes 12.0, api 1.1 (of 50.0 available on 2 cores in 25.0 s)");
    }

    @Test
    void shouldSayWhatTheMachineSpentOutsideTheStackAndWhatTheHypervisorTook() {
        CpuUsage before = new CpuUsage(
                Map.of("worker", Duration.ofSeconds(10)),
                Optional.of(new MachineCpu(Duration.ofSeconds(100), Duration.ofSeconds(5))));
        CpuUsage after = new CpuUsage(
                Map.of("worker", Duration.ofSeconds(30)),
                Optional.of(new MachineCpu(Duration.ofSeconds(126), Duration.ofMillis(6_500))));

        assertThat(after.since(before, Duration.ofSeconds(20), 2))
                .isEqualTo("CPU seconds: worker 20.0; outside the stack 6.0, stolen 1.5 (of 40.0 available on 2 cores"
                        + " in 20.0 s)");
    }

    @Test
    void shouldSampleTheMachineEvenWithoutChildrenOnLinux() {
        var usage = CpuUsage.sample(List.of());

        assertThat(usage.byProcess()).isEmpty();
        assertThat(usage.machine()).isPresent();
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
