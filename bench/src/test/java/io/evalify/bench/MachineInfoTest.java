package io.evalify.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MachineInfoTest {

    @Test
    void shouldReadTheFirstMatchingProcField() {
        List<String> cpuinfo = List.of(
                "processor\t: 0", "model name\t: AMD EPYC 7B13", "processor\t: 1", "model name\t: AMD EPYC 7B13");

        assertThat(MachineInfo.parse(cpuinfo, "model name")).contains("AMD EPYC 7B13");
        assertThat(MachineInfo.parse(List.of("MemTotal:       24684160 kB"), "MemTotal"))
                .contains("24684160 kB");
        assertThat(MachineInfo.parse(List.of("model name extra: x"), "model name"))
                .isEmpty();
    }

    @Test
    void shouldDescribeThisMachine() {
        MachineInfo info = MachineInfo.detect(Instant.now());

        assertThat(info.cpus()).isPositive();
        assertThat(info.java()).contains(System.getProperty("java.runtime.version"));
    }
}
