package io.evalify.grading.fillblank;

import io.evalify.grading.GradingException;
import java.util.Locale;

/** FILL_THE_BLANK comparison mode from {@code config.evaluationType}; missing means NORMAL (the UI default). */
public enum EvaluationType {
    /** Case-insensitive, whitespace ignored. */
    NORMAL,
    /** Case-sensitive, whitespace ignored. */
    STRICT,
    /** NORMAL first; blanks that fail go to the LLM. */
    HYBRID;

    /** Parses the config value; an unknown name (such as the old docs' LENIENT) is a question error. */
    public static EvaluationType of(String name) {
        if (name == null || name.isBlank()) {
            return NORMAL;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw GradingException.invalidQuestion("unknown evaluationType " + name);
        }
    }
}
