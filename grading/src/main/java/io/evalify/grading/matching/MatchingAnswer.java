package io.evalify.grading.matching;

import io.evalify.grading.GradingException;
import io.evalify.grading.JsonNodes;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a student's matching answer in any form the exam client has written: {@code {"L1": ["R1"]}},
 * legacy {@code {"L1": "R1"}}, or a list {@code [{"id": "L1", "matchPairIds": ["R1"]}]}.
 */
final class MatchingAnswer {

    private MatchingAnswer() {}

    /** Right ids chosen per item id; items the student left out are absent. */
    static Map<String, Set<String>> read(JsonNode answer) {
        Map<String, Set<String>> chosen = new HashMap<>();
        if (answer.isObject()) {
            answer.forEachEntry((id, value) -> chosen.put(id, rightIds(value)));
        } else if (answer.isArray()) {
            answer.forEach(entry -> chosen.put(itemId(entry), rightIds(entry.path("matchPairIds"))));
        } else {
            throw GradingException.invalidAnswer("MATCHING expects an object of left id to right ids");
        }
        return chosen;
    }

    private static String itemId(JsonNode entry) {
        String id = JsonNodes.scalarText(entry.get("id"));
        if (id == null) {
            throw GradingException.invalidAnswer("MATCHING list entry without an id");
        }
        return id;
    }

    private static Set<String> rightIds(JsonNode value) {
        if (JsonNodes.isAbsent(value)) {
            return Set.of();
        }
        if (value.isString()) {
            return Set.of(value.stringValue());
        }
        var ids = JsonNodes.strings(value);
        if (ids == null) {
            throw GradingException.invalidAnswer("MATCHING pairs must be a list of ids");
        }
        return new LinkedHashSet<>(ids);
    }
}
