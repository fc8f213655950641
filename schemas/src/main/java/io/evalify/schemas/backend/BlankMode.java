package io.evalify.schemas.backend;

import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A FILL_THE_BLANK question's comparison mode, {@code config.evaluationType} of its question data; missing means
 * NORMAL (the quiz editor's default). HYBRID is what sends a question, and so its job, to the LLM lane.
 */
public enum BlankMode {
    /** Case-insensitive, whitespace ignored. */
    NORMAL,
    /** Case-sensitive, whitespace ignored. */
    STRICT,
    /** NORMAL first; blanks that fail go to the LLM. */
    HYBRID;

    /** The mode a config value names (any case): NORMAL when blank, empty when unknown (such as the old LENIENT). */
    public static Optional<BlankMode> of(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(NORMAL);
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The mode of a question's (unwrapped) data: its {@code config.evaluationType} when that is a scalar. */
    public static Optional<BlankMode> ofData(JsonNode data) {
        JsonNode value = data.path("config").path("evaluationType");
        return of(value.isValueNode() && !value.isNull() ? value.asString() : null);
    }
}
