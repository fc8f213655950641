package io.evalify.grading.fillblank;

import io.evalify.grading.GradingException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Turns {@code blankWeights} into each blank's share of the question's marks. */
final class BlankWeights {

    private BlankWeights() {}

    static Map<String, Double> shares(JsonNode weights, Collection<String> blanks, double marks) {
        Map<String, Double> raw = weights.isObject() && !weights.isEmpty() ? declared(weights, blanks) : equal(blanks);
        double total = raw.values().stream().mapToDouble(Double::doubleValue).sum();
        if (total <= 0) {
            throw GradingException.invalidQuestion("blank weights add up to 0");
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        raw.forEach((key, weight) -> shares.put(key, marks * weight / total));
        return shares;
    }

    private static Map<String, Double> equal(Collection<String> blanks) {
        Map<String, Double> raw = new LinkedHashMap<>();
        blanks.forEach(key -> raw.put(key, 1.0));
        return raw;
    }

    private static Map<String, Double> declared(JsonNode weights, Collection<String> blanks) {
        List<String> missing =
                blanks.stream().filter(key -> !weights.path(key).isNumber()).toList();
        if (!missing.isEmpty()) {
            throw GradingException.invalidQuestion("Missing blank weights for blanks: " + String.join(", ", missing));
        }
        Map<String, Double> raw = new LinkedHashMap<>();
        blanks.forEach(key -> raw.put(key, Math.max(0, weights.path(key).asDouble())));
        return raw;
    }
}
