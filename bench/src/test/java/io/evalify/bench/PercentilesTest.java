package io.evalify.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    private static final long MS = 1_000_000;

    @Test
    void shouldUseTheNearestRankOfTheSortedSamples() {
        long[] shuffled = LongStream.rangeClosed(1, 100)
                .map(i -> ((i * 37) % 100 + 1) * MS)
                .toArray();

        Percentiles p = Percentiles.of(shuffled);

        assertThat(p.count()).isEqualTo(100);
        assertThat(p.millis(50)).isEqualTo(50.0);
        assertThat(p.millis(99)).isEqualTo(99.0);
        assertThat(p.maxMillis()).isEqualTo(100.0);
    }

    @Test
    void shouldLetOneSlowSampleInTwentySetTheP99() {
        long[] posts =
                LongStream.range(0, 20).map(i -> i == 7 ? 900 * MS : 100 * MS).toArray();

        Percentiles p = Percentiles.of(posts);

        assertThat(p.millis(50)).isEqualTo(100.0);
        assertThat(p.millis(99)).isEqualTo(900.0);
    }

    @Test
    void shouldNotChangeTheCallersArray() {
        long[] samples = {3, 1, 2};

        Percentiles.of(samples);

        assertThat(samples).containsExactly(3, 1, 2);
    }

    @Test
    void shouldAnswerZeroWithoutSamplesAndRejectImpossiblePercents() {
        Percentiles empty = Percentiles.of(new long[0]);

        assertThat(empty.millis(99)).isZero();
        assertThatThrownBy(() -> empty.millis(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> empty.millis(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
