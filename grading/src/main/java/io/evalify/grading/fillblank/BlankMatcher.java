package io.evalify.grading.fillblank;

import io.evalify.schemas.backend.BlankMode;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Static comparison of one blank. All whitespace is removed from both sides (as the old evaluator did);
 * STRICT keeps case, NORMAL and HYBRID ignore it. Answer type NUMBER compares numerically
 * ({@code 42.0} equals {@code 42}); UPPERCASE/LOWERCASE put the acceptable answer in that case first,
 * which matters only in STRICT mode (the student must then write it in that case). Numbers longer than
 * {@link #MAX_NUMBER_LENGTH} characters compare as text, so a crafted answer cannot make the comparison slow.
 */
final class BlankMatcher {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    // Possessive quantifiers: "\\d+\\.?\\d*" backtracked quadratically over a long run of digits (LongNumberTest
    // counts the reads).
    static final Pattern NUMBER = Pattern.compile("[+-]?+(?:\\d++(?:\\.\\d*+)?+|\\.\\d++)(?:[eE][+-]?+\\d++)?+");
    private static final int MAX_NUMBER_LENGTH = 64;

    private BlankMatcher() {}

    static boolean matches(Blank blank, String given, BlankMode mode) {
        if (given == null || given.isBlank()) {
            return false;
        }
        return blank.answers().stream().anyMatch(expected -> same(blank.type(), expected, given, mode));
    }

    private static boolean same(Blank.AnswerType type, String expected, String given, BlankMode mode) {
        if (type == Blank.AnswerType.NUMBER && isNumber(squash(expected))) {
            return isNumber(squash(given)) && sameNumber(expected, given);
        }
        String want = squash(inCase(type, expected));
        return mode == BlankMode.STRICT ? want.equals(squash(given)) : want.equalsIgnoreCase(squash(given));
    }

    private static String inCase(Blank.AnswerType type, String text) {
        return switch (type) {
            case UPPERCASE -> text.toUpperCase(Locale.ROOT);
            case LOWERCASE -> text.toLowerCase(Locale.ROOT);
            default -> text;
        };
    }

    private static String squash(String text) {
        return WHITESPACE.matcher(text).replaceAll("");
    }

    private static boolean isNumber(String text) {
        return text.length() <= MAX_NUMBER_LENGTH && NUMBER.matcher(text).matches();
    }

    private static boolean sameNumber(String expected, String given) {
        try {
            return number(expected).compareTo(number(given)) == 0;
        } catch (NumberFormatException e) {
            return false; // an exponent beyond int range ("1e99999999999") is no number we compare
        }
    }

    private static BigDecimal number(String text) {
        return new BigDecimal(squash(text));
    }
}
