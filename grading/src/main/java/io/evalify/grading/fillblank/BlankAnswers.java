package io.evalify.grading.fillblank;

import io.evalify.grading.GradingException;
import io.evalify.grading.JsonNodes;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Reads {@code {"0": "paris", "1": "Seine"}}; a null value is an empty blank, a list or object is an error. */
final class BlankAnswers {

    private BlankAnswers() {}

    static Map<String, String> read(JsonNode answer) {
        if (!answer.isObject()) {
            throw GradingException.invalidAnswer("FILL_THE_BLANK expects an object of blank index to text");
        }
        Map<String, String> byBlank = new HashMap<>();
        answer.forEachEntry((key, value) -> byBlank.put(key, text(key, value)));
        return byBlank;
    }

    private static String text(String key, JsonNode value) {
        if (JsonNodes.isAbsent(value)) {
            return "";
        }
        String text = JsonNodes.scalarText(value);
        if (text == null) {
            throw GradingException.invalidAnswer("blank " + key + " must be text");
        }
        return text;
    }
}
