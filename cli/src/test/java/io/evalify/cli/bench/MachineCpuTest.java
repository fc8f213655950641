package io.evalify.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Reading the machine's CPU totals from {@code /proc/stat}. */
class MachineCpuTest {

    @Test
    void shouldCountUserNiceSystemIrqAndSoftirqAsBusyAndStealApart() {
        var cpu = MachineCpu.parse("cpu  57110 10 14635 69671 439 5 1327 41 0 0");

        assertThat(cpu.busy()).isEqualTo(Duration.ofMillis((57110 + 10 + 14635 + 5 + 1327) * 10L));
        assertThat(cpu.steal()).isEqualTo(Duration.ofMillis(410));
    }

    @Test
    void shouldRejectALineThatIsNotTheAggregate() {
        assertThatThrownBy(() -> MachineCpu.parse("cpu0 1 2 3 4 5 6 7 8")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldReadThisMachinesTotals() {
        assertThat(MachineCpu.read())
                .hasValueSatisfying(cpu -> assertThat(cpu.busy()).isPositive());
    }
}
