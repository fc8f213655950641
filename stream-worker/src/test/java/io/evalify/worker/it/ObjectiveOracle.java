package io.evalify.worker.it;

import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * An independent statement of the MCQ / MMCQ / TRUE_FALSE rules of docs/GRADING.md (with our fix that an
 * unanswered question scores 0) for quizzes without negative marking, so end-to-end tests check the saved scores
 * against the rules rather than against the grader's own output.
 */
final class ObjectiveOracle {

    private ObjectiveOracle() {}

    /** Marks one question earns for one answer; {@code partial} is the quiz's mcqGlobalPartialMarking. */
    static double marks(JsonNode question, JsonNode answer, boolean partial) {
        double marks = question.path("marks").asDouble();
        var value = answer == null ? null : answer.path("studentAnswer");
        return switch (question.path("type").asString()) {
            case "MCQ" -> value != null && correct(question).equals(Set.of(value.asString(""))) ? marks : 0;
            case "TRUE_FALSE" -> trueFalse(question, value) ? marks : 0;
            case "MMCQ" -> mmcq(question, value, marks, partial);
            default -> throw new IllegalArgumentException("not objective: " + question.path("type"));
        };
    }

    private static boolean trueFalse(JsonNode question, JsonNode value) {
        if (value == null
                || value.isNull()
                || value.isMissingNode()
                || value.asString("").isBlank()) {
            return false;
        }
        boolean expected =
                question.path("solution").path("data").path("trueFalseAnswer").asBoolean();
        return Boolean.parseBoolean(value.asString().trim().toLowerCase()) == expected;
    }

    private static double mmcq(JsonNode question, JsonNode value, double marks, boolean partial) {
        var selected = new HashSet<String>();
        if (value != null && value.isArray()) {
            value.forEach(v -> selected.add(v.asString()));
        }
        var correct = correct(question);
        if (selected.isEmpty() || !correct.containsAll(selected)) {
            return 0;
        }
        if (selected.equals(correct)) {
            return marks;
        }
        return partial ? marks * selected.size() / correct.size() : 0;
    }

    private static Set<String> correct(JsonNode question) {
        var ids = new HashSet<String>();
        question.path("solution").path("data").path("correctOptions").forEach(o -> {
            if (o.path("isCorrect").asBoolean(true)) {
                ids.add(o.path("id").asString());
            }
        });
        return ids;
    }
}
