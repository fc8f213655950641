package io.evalify.grading;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** Finds one question's {@code studentAnswer} in a response map {@code {"<qid>": {"studentAnswer": ...}}}. */
final class Answers {

    private Answers() {}

    /** The answer value, or a missing node when the response, the entry or the value is absent. */
    static JsonNode of(JsonNode response, String questionId) {
        if (JsonNodes.isAbsent(response)) {
            return MissingNode.getInstance();
        }
        if (!response.isObject()) {
            throw GradingException.invalidAnswer("the response is not a JSON object");
        }
        JsonNode entry = response.get(questionId);
        return JsonNodes.isAbsent(entry) ? MissingNode.getInstance() : studentAnswer(entry);
    }

    private static JsonNode studentAnswer(JsonNode entry) {
        if (!entry.isObject() || !entry.has("studentAnswer")) {
            throw GradingException.invalidAnswer("expected {\"studentAnswer\": ...}");
        }
        return entry.get("studentAnswer");
    }
}
