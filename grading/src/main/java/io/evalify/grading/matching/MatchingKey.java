package io.evalify.grading.matching;

import io.evalify.grading.GradingException;
import io.evalify.grading.JsonNodes;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The answer key of a MATCHING question: each left item and the right items it pairs with. Left items
 * are options with {@code isLeft: true} in the question data, plus solution entries with non-empty
 * {@code matchPairIds}; right-side entries (empty lists) are not graded.
 *
 * @param pairs right ids by left id, in question order
 */
record MatchingKey(Map<String, Set<String>> pairs) {

    static MatchingKey of(JsonNode data, JsonNode solution) {
        Map<String, Set<String>> solved = solutionPairs(solution);
        Map<String, Set<String>> pairs = new LinkedHashMap<>();
        leftIds(data).forEach(id -> pairs.put(id, solved.getOrDefault(id, Set.of())));
        solved.forEach((id, right) -> addIfLeft(pairs, id, right));
        if (pairs.isEmpty()) {
            throw GradingException.invalidQuestion("MATCHING has no left items");
        }
        return new MatchingKey(pairs);
    }

    private static void addIfLeft(Map<String, Set<String>> pairs, String id, Set<String> right) {
        if (!right.isEmpty()) {
            pairs.putIfAbsent(id, right);
        }
    }

    private static Set<String> leftIds(JsonNode data) {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode option : data.path("options")) {
            if (option.path("isLeft").asBoolean(false) && option.path("id").isString()) {
                ids.add(option.path("id").stringValue());
            }
        }
        return ids;
    }

    private static Map<String, Set<String>> solutionPairs(JsonNode solution) {
        JsonNode options = solution.path("options");
        if (!options.isArray()) {
            throw GradingException.invalidQuestion("MATCHING solution needs an options list");
        }
        Map<String, Set<String>> pairs = new LinkedHashMap<>();
        options.forEach(entry -> pairs.put(id(entry), pairIds(entry)));
        return pairs;
    }

    private static String id(JsonNode entry) {
        String id = JsonNodes.scalarText(entry.get("id"));
        if (id == null) {
            throw GradingException.invalidQuestion("MATCHING solution entry without an id");
        }
        return id;
    }

    private static Set<String> pairIds(JsonNode entry) {
        if (JsonNodes.isAbsent(entry.get("matchPairIds"))) {
            return Set.of(); // right-side entries may omit the list
        }
        var ids = JsonNodes.strings(entry.path("matchPairIds"));
        if (ids == null) {
            throw GradingException.invalidQuestion("matchPairIds of " + entry.path("id") + " must be a list");
        }
        return new LinkedHashSet<>(ids);
    }
}
