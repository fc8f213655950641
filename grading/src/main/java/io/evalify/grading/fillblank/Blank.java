package io.evalify.grading.fillblank;

import java.util.List;

/**
 * One blank of a FILL_THE_BLANK question.
 *
 * @param key the blank's index as the JSON key ({@code "0"}, {@code "1"}, ...)
 * @param answers acceptable answers
 * @param type how answers compare: TEXT, NUMBER, UPPERCASE or LOWERCASE
 * @param marks this blank's share of the question's marks (its weight scaled to marks)
 */
record Blank(String key, List<String> answers, AnswerType type, double marks) {

    /** How an acceptable answer is compared; unknown names compare as TEXT. */
    enum AnswerType {
        TEXT,
        NUMBER,
        UPPERCASE,
        LOWERCASE;

        static AnswerType of(String name) {
            for (AnswerType type : values()) {
                if (type.name().equalsIgnoreCase(name)) {
                    return type;
                }
            }
            return TEXT;
        }
    }
}
