package io.evalify.fakes.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencyModelTest {

    @Test
    void shouldParseFixedAndBareMillis() {
        assertThat(LatencyModel.parse("fixed:500").nextMillis()).isEqualTo(500);
        assertThat(LatencyModel.parse("250").nextMillis()).isEqualTo(250);
        assertThat(LatencyModel.parse("none").nextMillis()).isZero();
    }

    @Test
    void shouldDrawUniformWithinBounds() {
        LatencyModel model = LatencyModel.parse("uniform:500:10000");

        assertThat(LongStream.range(0, 1000).map(i -> model.nextMillis())).allMatch(ms -> ms >= 500 && ms <= 10_000);
    }

    @Test
    void shouldDrawLogNormalAroundTheMedian() {
        LatencyModel model = LatencyModel.parse("lognormal:800:5000");
        long[] draws = LongStream.range(0, 20_000)
                .map(i -> model.nextMillis())
                .sorted()
                .toArray();

        assertThat(draws[draws.length / 2]).isBetween(700L, 900L);
        assertThat(draws[(int) (draws.length * 0.99)]).isBetween(4000L, 6200L);
        assertThat(Arrays.stream(draws).min().orElseThrow()).isPositive();
    }

    @Test
    void shouldRejectABadSpec() {
        assertThatThrownBy(() -> LatencyModel.parse("uniform:5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencyModel.parse("soon")).isInstanceOf(IllegalArgumentException.class);
    }
}
