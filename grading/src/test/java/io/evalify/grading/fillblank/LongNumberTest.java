package io.evalify.grading.fillblank;

import static io.evalify.grading.support.CountingText.readsToMatch;
import static org.assertj.core.api.Assertions.assertThat;

import io.evalify.schemas.backend.BlankMode;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A crafted number answer: the old pattern backtracked quadratically over a long run of digits. The reads of
 * the pattern are counted (not timed), so the old pattern fails these tests on any machine.
 */
class LongNumberTest {

    /** The pattern before the fix, kept to show the count tells quadratic from linear. */
    private static final Pattern OLD_NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final Blank blank = new Blank("0", List.of("42"), Blank.AnswerType.NUMBER, 1.0);

    @Test
    void shouldCompareAVeryLongRunOfDigitsAsText() {
        assertThat(BlankMatcher.matches(blank, "1".repeat(200_000) + "x", BlankMode.NORMAL))
                .isFalse();
        assertThat(BlankMatcher.matches(blank, "0".repeat(200_000) + "42", BlankMode.NORMAL))
                .isFalse();
    }

    @Test
    void shouldReadARunOfDigitsALinearNumberOfTimes() {
        long reads = readsToMatch(BlankMatcher.NUMBER, digitsThenX(2_000));
        long eightTimesLonger = readsToMatch(BlankMatcher.NUMBER, digitsThenX(16_000));

        assertThat(reads).isLessThanOrEqualTo(3L * 2_000);
        assertThat(eightTimesLonger).isLessThanOrEqualTo(8 * reads + 8);
    }

    @Test
    void shouldCountTheOldPatternsReadsAsQuadratic() {
        long reads = readsToMatch(OLD_NUMBER, digitsThenX(1_000));
        long fourTimesLonger = readsToMatch(OLD_NUMBER, digitsThenX(4_000));

        assertThat(reads).isGreaterThan(100L * 1_000);
        assertThat(fourTimesLonger).isGreaterThan(12 * reads);
    }

    @Test
    void shouldStillCompareOrdinaryNumbersNumerically() {
        assertThat(BlankMatcher.matches(blank, " 42.000 ", BlankMode.STRICT)).isTrue();
        assertThat(BlankMatcher.matches(blank, "4.2e1", BlankMode.NORMAL)).isTrue();
        assertThat(BlankMatcher.matches(blank, "1e99999999999", BlankMode.NORMAL))
                .isFalse();
    }

    private static String digitsThenX(int digits) {
        return "1".repeat(digits) + "x";
    }
}
