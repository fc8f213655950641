package io.evalify.grading.fillblank;

import io.evalify.grading.GradingException;
import io.evalify.grading.JsonNodes;
import io.evalify.schemas.backend.BlankMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The parsed answer key of a FILL_THE_BLANK question. Weights are scaled to the question's marks: a blank
 * earns {@code marks × weight / Σ weights}; without {@code blankWeights} every blank earns an equal share.
 *
 * @param mode comparison mode
 * @param blanks blanks in index order
 */
record BlankKey(BlankMode mode, List<Blank> blanks) {

    static BlankKey of(JsonNode data, JsonNode solution, double marks) {
        JsonNode config = data.path("config");
        BlankMode mode = BlankMode.ofData(data)
                .orElseThrow(() -> GradingException.invalidQuestion("unknown evaluationType "
                        + config.path("evaluationType").asString()));
        Map<String, JsonNode> accepted = acceptableAnswers(solution);
        Map<String, Double> shares = BlankWeights.shares(config.path("blankWeights"), accepted.keySet(), marks);
        List<Blank> blanks = new ArrayList<>();
        accepted.forEach((key, spec) -> blanks.add(blank(key, spec, shares.get(key))));
        blanks.sort(Comparator.comparing(Blank::key, BlankKey::compareKeys));
        return new BlankKey(mode, List.copyOf(blanks));
    }

    private static Map<String, JsonNode> acceptableAnswers(JsonNode solution) {
        JsonNode accepted = solution.path("acceptableAnswers");
        if (!accepted.isObject() || accepted.isEmpty()) {
            throw GradingException.invalidQuestion("FILL_THE_BLANK has no acceptableAnswers");
        }
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        accepted.forEachEntry(byKey::put);
        return byKey;
    }

    private static Blank blank(String key, JsonNode spec, double share) {
        JsonNode list = spec.isArray() ? spec : spec.path("answers");
        List<String> answers = JsonNodes.strings(list);
        if (answers == null || answers.isEmpty()) {
            throw GradingException.invalidQuestion("blank " + key + " has no acceptable answers");
        }
        return new Blank(key, answers, Blank.AnswerType.of(JsonNodes.scalarText(spec.get("type"))), share);
    }

    private static int compareKeys(String a, String b) {
        boolean numeric = a.matches("\\d{1,9}") && b.matches("\\d{1,9}");
        return numeric ? Integer.compare(Integer.parseInt(a), Integer.parseInt(b)) : a.compareTo(b);
    }
}
