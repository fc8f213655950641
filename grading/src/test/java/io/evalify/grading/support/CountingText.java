package io.evalify.grading.support;

import java.util.regex.Pattern;

/**
 * A text that counts how often its characters are read. A pattern that backtracks reads a crafted text a
 * quadratic number of times, a linear one a bounded number of times per character: tests tell them apart by
 * this count, never by a clock.
 */
public final class CountingText implements CharSequence {

    private final CharSequence text;
    private long reads;

    private CountingText(CharSequence text) {
        this.text = text;
    }

    /** The characters {@code pattern} reads to decide whether all of {@code text} matches it. */
    public static long readsToMatch(Pattern pattern, String text) {
        var counting = new CountingText(text);
        pattern.matcher(counting).matches();
        return counting.reads;
    }

    @Override
    public char charAt(int index) {
        reads++;
        return text.charAt(index);
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
        return text.toString();
    }
}
