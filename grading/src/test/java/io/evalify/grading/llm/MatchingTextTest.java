package io.evalify.grading.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The normalised forms the injection patterns read. The JDK's NFKC sorts a run of combining marks by insertion
 * sort, so what matters is that no run longer than {@link MatchingText#MAX_NON_STARTERS} ever reaches it: these
 * tests check the output's runs, which the old code (NFKC over the whole answer) kept at full length.
 */
class MatchingTextTest {

    @Test
    void shouldCutALongRunOfCombiningMarksToTheStreamSafeLimit() {
        var forms = MatchingText.of("a" + "\u0301\u0316".repeat(20_000) + " b");

        assertThat(longestMarkRun(forms.plain())).isLessThanOrEqualTo(MatchingText.MAX_NON_STARTERS);
        assertThat(forms.plain()).endsWith(" b");
    }

    @Test
    void shouldCutMarksThatOnlyAppearUnderDecomposition() {
        var forms = MatchingText.of("\uFF76" + "\uFF9E".repeat(50_000)); // half-width ka + voiced sound marks

        assertThat(longestMarkRun(forms.plain())).isLessThanOrEqualTo(MatchingText.MAX_NON_STARTERS);
    }

    @Test
    void shouldRefuseATextThatGrowsMoreThanFourfold() {
        assertThatThrownBy(() -> MatchingText.of("\uFDFA".repeat(20_000))).isInstanceOf(ScanBudget.Exhausted.class);
        assertThat(MatchingText.of("\uFB01".repeat(1_000)).plain()).hasSize(2_000); // ligature fi: twofold is fine
    }

    private static int longestMarkRun(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            int type = Character.getType(text.charAt(i));
            run = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
