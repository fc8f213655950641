package io.evalify.grading.coding;

import io.evalify.grading.GradingException;
import io.evalify.grading.JsonNodes;
import tools.jackson.databind.JsonNode;

/**
 * A coding submission: {@code {"code", "language"}}, {@code {"sourceCode", "language"}}, or a bare code string.
 *
 * @param code the student's code ("" when none)
 * @param language the language name, or null
 */
record CodingAnswer(String code, String language) {

    static CodingAnswer of(JsonNode answer) {
        if (JsonNodes.isAbsent(answer)) {
            return new CodingAnswer("", null);
        }
        if (answer.isString()) {
            return new CodingAnswer(answer.stringValue(), null);
        }
        if (!answer.isObject()) {
            throw GradingException.invalidAnswer("CODING expects {\"code\", \"language\"}");
        }
        JsonNode code = answer.has("code") ? answer.get("code") : answer.get("sourceCode");
        String text = JsonNodes.scalarText(code);
        return new CodingAnswer(text == null ? "" : text, JsonNodes.scalarText(answer.get("language")));
    }

    boolean blank() {
        return code.isBlank();
    }
}
