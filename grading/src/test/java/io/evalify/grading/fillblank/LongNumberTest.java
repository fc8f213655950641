package io.evalify.grading.fillblank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A crafted number answer: the old pattern backtracked quadratically over a long run of digits. */
class LongNumberTest {

    private final Blank blank = new Blank("0", List.of("42"), Blank.AnswerType.NUMBER, 1.0);

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // hang guard
    void shouldCompareAVeryLongRunOfDigitsAsTextWithoutStalling() {
        assertThat(BlankMatcher.matches(blank, "1".repeat(200_000) + "x", EvaluationType.NORMAL))
                .isFalse();
    }

    @Test
    void shouldStillCompareOrdinaryNumbersNumerically() {
        assertThat(BlankMatcher.matches(blank, " 42.000 ", EvaluationType.STRICT))
                .isTrue();
        assertThat(BlankMatcher.matches(blank, "4.2e1", EvaluationType.NORMAL)).isTrue();
        assertThat(BlankMatcher.matches(blank, "1e99999999999", EvaluationType.NORMAL))
                .isFalse();
    }
}
