package io.evalify.grading;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The largest answer graded automatically. Answers are the one input every student controls, so their size
 * is checked before any grader, parser or pattern sees them. A longer answer is not truncated (grading part
 * of it would be unfair both ways): the question is saved NOT_EVALUATED with the {@link #FLAG} flag and a
 * remark, for a person to grade.
 */
public final class AnswerLimit {

    /**
     * Characters in one question's answer: the lengths of all its text, object keys and numbers, plus one per
     * JSON value. 32,000 characters is about 5,000 words of exam prose or 800 lines of code; at this size the
     * slowest grader still answers well inside its time budget (README, "Hostile answers").
     */
    public static final int MAX_CHARS = 32_000;

    /** The flag of a question whose answer was over {@link #MAX_CHARS}. */
    public static final String FLAG = "answer_too_long";

    /** Remarks of such a question. */
    public static final String REMARKS =
            "Answer longer than 32,000 characters: not graded automatically, left for a person to grade";

    private AnswerLimit() {}

    /** True when the answer is over the limit; stops counting as soon as it is, so a huge answer costs little. */
    public static boolean exceeded(JsonNode answer) {
        long size = 0;
        var pending = new ArrayDeque<JsonNode>(); // iterative: a deeply nested answer cannot overflow the stack
        pending.push(answer);
        while (!pending.isEmpty() && size <= MAX_CHARS) {
            JsonNode node = pending.pop();
            size += 1 + ownLength(node);
            if (node.isArray()) {
                node.forEach(pending::push);
            } else if (node.isObject()) {
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    size += field.getKey().length();
                    pending.push(field.getValue());
                }
            }
        }
        return size > MAX_CHARS;
    }

    /** The grade of an answer over the limit. */
    static Grade tooLong() {
        return Grade.notEvaluated(REMARKS).withFlags(List.of(FLAG));
    }

    private static int ownLength(JsonNode node) {
        if (node.isString()) {
            return node.stringValue().length();
        }
        return node.isValueNode() ? node.asString().length() : 0;
    }
}
