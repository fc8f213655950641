package io.evalify.grading;

import java.util.Locale;

/** The backend's question types. Unknown names stay strings in {@link io.evalify.schemas.backend.Question}. */
public enum QuestionType {
    MCQ,
    MMCQ,
    TRUE_FALSE,
    FILL_THE_BLANK,
    MATCHING,
    DESCRIPTIVE,
    CODING,
    FILE_UPLOAD;

    /** The type of a backend name, or null when unknown. */
    public static QuestionType of(String name) {
        if (name == null) {
            return null;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null; // unknown types become a reasoned ERROR outcome, never an exception
        }
    }
}
