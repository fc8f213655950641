package io.evalify.grading.coding;

import io.evalify.grading.GradingException;
import io.evalify.grading.JsonNodes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads test cases in {@code orderIndex} order, joins each with its stored {@code expectedOutput}, and scales
 * {@code marksWeightage} to the question's marks (all cases must carry one, or none; none = equal shares).
 */
final class CodingCases {

    private CodingCases() {}

    static List<TestCase> of(JsonNode data, JsonNode solution, double marks) {
        List<JsonNode> cases = sorted(data.path("testCases"));
        if (cases.isEmpty()) {
            throw GradingException.invalidQuestion("CODING question has no test cases");
        }
        List<Double> shares = shares(cases, marks);
        Map<String, String> expected = expectedOutputs(solution);
        List<TestCase> result = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            result.add(testCase(cases.get(i), expected, shares.get(i)));
        }
        return result;
    }

    private static List<JsonNode> sorted(JsonNode cases) {
        List<JsonNode> list = new ArrayList<>();
        cases.forEach(list::add);
        list.sort(Comparator.comparingInt(node -> node.path("orderIndex").asInt(0)));
        return list;
    }

    private static List<Double> shares(List<JsonNode> cases, double marks) {
        long weighted = cases.stream()
                .filter(node -> node.path("marksWeightage").isNumber())
                .count();
        if (weighted != 0 && weighted != cases.size()) {
            throw GradingException.invalidQuestion("some test cases have marksWeightage and some do not");
        }
        List<Double> weights = cases.stream()
                .map(node -> weighted == 0
                        ? 1.0
                        : Math.max(0, node.path("marksWeightage").asDouble()))
                .toList();
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        if (total <= 0) {
            throw GradingException.invalidQuestion("test case weights add up to 0");
        }
        return weights.stream().map(weight -> marks * weight / total).toList();
    }

    private static Map<String, String> expectedOutputs(JsonNode solution) {
        Map<String, String> expected = new HashMap<>();
        for (JsonNode entry : solution.path("testCases")) {
            String id = JsonNodes.scalarText(entry.get("id"));
            String output = JsonNodes.scalarText(entry.get("expectedOutput"));
            if (id != null && output != null) {
                expected.put(id, output);
            }
        }
        return expected;
    }

    private static TestCase testCase(JsonNode node, Map<String, String> expected, double share) {
        String id = JsonNodes.scalarText(node.get("id"));
        if (id == null || !expected.containsKey(id)) {
            throw GradingException.invalidQuestion("test case " + id + " has no expectedOutput in the solution");
        }
        String input = JsonNodes.scalarText(node.get("input"));
        return new TestCase(id, input == null ? "" : input, expected.get(id), share);
    }
}
