package io.evalify.grading.objective;

import io.evalify.grading.Grade;
import io.evalify.grading.GradingException;
import io.evalify.grading.GradingInput;
import io.evalify.grading.QuestionGrader;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * TRUE_FALSE: booleans, the strings true/false in any case, or the numbers 1/0. A wrong answer takes the
 * question's own {@code negativeMarks} (the quiz-wide MCQ settings do not apply).
 */
public final class TrueFalseGrader implements QuestionGrader {

    @Override
    public Grade grade(GradingInput input) {
        boolean expected = expected(input.solution());
        if (input.unanswered()) {
            return Grade.noAnswer();
        }
        Boolean given = parse(input.answer());
        if (given == null) {
            throw GradingException.invalidAnswer("TRUE_FALSE expects true or false");
        }
        return given == expected ? Grade.correct(input.marks()) : Grade.incorrect(NegativeMarking.forTrueFalse(input));
    }

    private static boolean expected(JsonNode solution) {
        Boolean value = parse(solution.isObject() ? solution.path("trueFalseAnswer") : solution);
        if (value == null) {
            throw GradingException.invalidQuestion("trueFalseAnswer must be true or false");
        }
        return value;
    }

    /** The boolean a node stands for, or null when it stands for none. */
    static Boolean parse(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && (node.asInt() == 0 || node.asInt() == 1)) {
            return node.asInt() == 1;
        }
        return node.isString() ? parseText(node.stringValue()) : null;
    }

    private static Boolean parseText(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }
}
