package io.evalify.schemas.backend;

import java.util.Locale;

/**
 * The backend's question types, read the one way both the API (which lane a job takes) and the graders (which
 * grader a question gets) read them: any case, surrounding spaces ignored. Unknown names stay strings in
 * {@link Question}.
 */
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

    /** The type of a question, or null when its name is unknown. */
    public static QuestionType of(Question question) {
        return of(question.type());
    }
}
