package io.evalify.grading.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.evalify.grading.GradingInterruptedException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The read budget of a pattern scan: what stops a backtracking pattern on a crafted answer, and an interrupt. */
class ScanBudgetTest {

    /** The detector's first pattern before the fix: a repeated group of words, each followed by {@code \s+}. */
    private static final Pattern OLD_OVERRIDE = Pattern.compile(
            "\\b(ignore|disregard|forget|override|bypass)\\s+((all|any|the|your|my|of|these|those)\\s+)*"
                    + "(previous|prior|above|earlier|preceding|system|original|grading|marking|other)?\\s*"
                    + "(instructions?|prompts?|rubric|marking scheme|model answer|guidelines|directions)\\b");

    private static final String IGNORE_SPACES_X = "ignore" + " ".repeat(50_000) + "x";

    @AfterEach
    void clearTheInterrupt() {
        Thread.interrupted();
    }

    @Test
    void shouldStopTheOldPatternOnIgnoreAndSpacesAtItsBudget() {
        var budgeted = new ScanBudget(IGNORE_SPACES_X, 1);

        assertThatThrownBy(() -> OLD_OVERRIDE.matcher(budgeted).find()).isInstanceOf(ScanBudget.Exhausted.class);
        assertThat(budgeted.reads()).isGreaterThan((long) ScanBudget.READS_PER_CHAR * IGNORE_SPACES_X.length());
    }

    @Test
    void shouldScanTheSameTextFarBelowTheBudgetWithTodaysPatterns() {
        var scan = new InjectionDetector().scan(IGNORE_SPACES_X);

        assertThat(scan.suspicious()).isFalse(); // an exhausted scan would count as suspicious
        assertThat(scan.charactersRead()).isLessThan(IGNORE_SPACES_X.length());
    }

    @Test
    void shouldStopAScanWhenItsThreadIsInterrupted() {
        var budgeted = new ScanBudget("the ".repeat(50_000), 1);
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> Pattern.compile("[xz]").matcher(budgeted).find())
                .isInstanceOf(GradingInterruptedException.class);
    }
}
