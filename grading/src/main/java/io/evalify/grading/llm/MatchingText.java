package io.evalify.grading.llm;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The forms of student text the injection patterns read: NFKC, lower case, invisible and control characters
 * removed, every run of whitespace one space, and a second form with look-alike letters folded to Latin. Built
 * in time linear in the input, which {@link Normalizer} alone does not promise: it reorders a run of combining
 * marks by insertion sort (a letter and 10,000 alternating marks took over a second; 50,000 half-width "ﾞ",
 * which decompose into such marks, a quarter of a second), and one character can expand to 18 (U+FDFA). So
 * runs of non-starters are cut to {@link #MAX_NON_STARTERS}, as Unicode's stream-safe text format does
 * (UAX #15), and normalisation stops once its output is more than {@link #MAX_EXPANSION} times the input:
 * such a text is built to defeat the scan and counts as exhausting it.
 */
final class MatchingText {

    /** Longest run of non-starters kept (UAX #15's stream-safe limit). */
    static final int MAX_NON_STARTERS = 30;

    /** Most a text may grow under NFKC (legitimate text: well under 2×, e.g. ligatures "ﬁ" → "fi"). */
    static final int MAX_EXPANSION = 4;

    private static final int SEGMENT = 4096;

    /** Per BMP character: 0 not yet known, 1 starter, 2 non-starter (filled on first use; races are benign). */
    private static final byte[] BMP_KIND = new byte[Character.MAX_VALUE + 1];

    private MatchingText() {}

    /**
     * The matching forms of {@code text}: as written, and with look-alike letters folded.
     *
     * @throws ScanBudget.Exhausted when normalisation would grow the text more than {@link #MAX_EXPANSION} times
     */
    static Forms of(String text) {
        String nfkc = normalise(streamSafe(text));
        return new Forms(matchable(nfkc), matchable(Confusables.fold(nfkc)));
    }

    /**
     * The two forms of one text.
     *
     * @param plain normalised, letters as written (the non-Latin patterns read this one)
     * @param folded normalised, Cyrillic and Greek look-alikes folded to Latin (the Latin patterns read this one)
     */
    record Forms(String plain, String folded) {}

    /** Drops invisible characters and every non-starter past {@link #MAX_NON_STARTERS} in a row. */
    private static String streamSafe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int run = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            run = nonStarter(cp) ? run + 1 : 0;
            if (run <= MAX_NON_STARTERS && !PromptText.isInvisible(cp)) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /** A combining mark, or a character whose compatibility decomposition starts with one ("ﾞ" → U+3099). */
    private static boolean nonStarter(int cp) {
        if (cp < 0x300) {
            return false;
        }
        if (cp > Character.MAX_VALUE) {
            return isMark(cp);
        }
        if (BMP_KIND[cp] == 0) {
            String decomposed = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKD);
            BMP_KIND[cp] = (byte) (isMark(decomposed.codePointAt(0)) ? 2 : 1);
        }
        return BMP_KIND[cp] == 2;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /** NFKC in segments cut before a starter, stopping once the output outgrows {@link #MAX_EXPANSION}. */
    private static String normalise(String text) {
        long limit = (long) MAX_EXPANSION * text.length() + SEGMENT;
        StringBuilder out = new StringBuilder(text.length());
        for (int start = 0; start < text.length(); ) {
            int end = segmentEnd(text, start);
            out.append(Normalizer.normalize(text.substring(start, end), Normalizer.Form.NFKC));
            if (out.length() > limit) {
                throw new ScanBudget.Exhausted();
            }
            start = end;
        }
        return out.toString();
    }

    private static int segmentEnd(String text, int start) {
        int end = Math.min(text.length(), start + SEGMENT);
        while (end < text.length()
                && (Character.isLowSurrogate(text.charAt(end)) || nonStarter(text.codePointAt(end)))) {
            end++; // at most MAX_NON_STARTERS steps: longer runs were cut
        }
        return end;
    }

    private static String matchable(String nfkc) {
        return collapseSpace(nfkc.toLowerCase(Locale.ROOT));
    }

    private static String collapseSpace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
            } else if (!Character.isISOControl(c)) {
                out.append(space && !out.isEmpty() ? " " : "").append(c);
                space = false;
            }
        }
        return out.toString();
    }
}
