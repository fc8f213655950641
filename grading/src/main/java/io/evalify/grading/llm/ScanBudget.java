package io.evalify.grading.llm;

import io.evalify.grading.GradingInterruptedException;

/**
 * The text a pattern scan reads, with a budget of character reads proportional to its length. The detector's
 * patterns are linear (bounded repetitions over space-collapsed text), so a scan stays far below the budget;
 * the budget is the guarantee that a future pattern with a super-linear case cannot stall grading on a
 * crafted answer. The scan also stops when its thread is interrupted (the task's time-out), which
 * {@link java.util.regex.Matcher} alone never checks.
 */
final class ScanBudget implements CharSequence {

    /** Reads allowed per character per pattern: the widest bounded window of a pattern is well below it. */
    static final int READS_PER_CHAR = 64;

    private static final int INTERRUPT_CHECK_MASK = (1 << 14) - 1;

    private final String text;
    private final long limit;
    private long reads;

    /** A budget for {@code patterns} scans of {@code text}. */
    ScanBudget(String text, int patterns) {
        this.text = text;
        this.limit = (long) READS_PER_CHAR * patterns * (text.length() + 64);
    }

    @Override
    public char charAt(int index) {
        if ((++reads & INTERRUPT_CHECK_MASK) == 0) {
            check();
        }
        return text.charAt(index);
    }

    /** Characters read so far. */
    long reads() {
        return reads;
    }

    private void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new GradingInterruptedException();
        }
        if (reads > limit) {
            throw new Exhausted();
        }
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }

    /** The scan read more than its budget. */
    static final class Exhausted extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Exhausted() {
            super("pattern scan over its read budget", null, false, false);
        }
    }
}
