package io.evalify.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricTest {

    @Test
    void shouldPassOrFailAgainstItsTarget() {
        assertThat(new Metric("t", 24.4, "s", Target.atMost(24.4)).verdict()).isEqualTo("PASS");
        assertThat(new Metric("t", 24.5, "s", Target.atMost(24.4)).verdict()).isEqualTo("FAIL");
        assertThat(new Metric("r", 1499, "/s", Target.atLeast(1500)).fails()).isTrue();
        assertThat(Metric.info("ideal", 19.5, "s").verdict()).isEqualTo("-");
        assertThat(Metric.info("ideal", 19.5, "s").fails()).isFalse();
    }

    @Test
    void shouldRenderThreeSignificantDigitsAtMost() {
        assertThat(Metric.format(0.87345)).isEqualTo("0.873");
        assertThat(Metric.format(21.34)).isEqualTo("21.3");
        assertThat(Metric.format(1523.4)).isEqualTo("1,523");
        assertThat(Metric.format(2.0)).isEqualTo("2");
        assertThat(new Metric("p99", 7.25, "ms", Target.atMost(10)).renderValue())
                .isEqualTo("7.25 ms");
        assertThat(Target.atLeast(1500).render("/s")).isEqualTo(">= 1,500 /s");
    }
}
