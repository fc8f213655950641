package io.evalify.cli.command;

import io.evalify.schemas.Json;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Renders the failures of a job as a text table. Accepts a JSON array, or an object holding the array
 * (under {@code failures}, {@code items} or {@code content}); each item may be flat
 * ({@code student_id, type, message ...}) or a dead letter ({@code task.student_id, failure.type ...}).
 */
final class FailureTable {

    private static final String[] HEADERS = {"STUDENT", "TYPE", "ATTEMPTS", "RETRYABLE", "MESSAGE"};
    private static final int MAX_MESSAGE = 100;

    private FailureTable() {}

    /** The failure items found in an answer. */
    static List<JsonNode> items(JsonNode answer) {
        JsonNode array = answer.isArray() ? answer : arrayField(answer);
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    /** Lines of the table, header first. */
    static List<String> render(List<JsonNode> items) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADERS);
        items.forEach(item -> rows.add(row(item)));
        int[] widths = widths(rows);
        return rows.stream().map(r -> format(r, widths)).toList();
    }

    private static JsonNode arrayField(JsonNode answer) {
        for (String name : new String[] {"failures", "items", "content", "data"}) {
            if (answer.path(name).isArray()) {
                return answer.path(name);
            }
        }
        return answer.values().stream()
                .filter(JsonNode::isArray)
                .findFirst()
                .orElseGet(() -> Json.mapper().createArrayNode());
    }

    private static String[] row(JsonNode item) {
        JsonNode failure = item.path("failure");
        return new String[] {
            first(item.path("student_id"), item.path("task").path("student_id")),
            first(item.path("type"), failure.path("type"), item.path("error_type")),
            first(item.path("attempts"), failure.path("attempts"), item.path("attempt")),
            first(item.path("retryable"), failure.path("retryable")),
            abbreviate(first(item.path("message"), failure.path("message"), item.path("reason")))
        };
    }

    private static String first(JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            if (candidate.isValueNode() && !candidate.isNull()) {
                return candidate.asString();
            }
        }
        return "-";
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= MAX_MESSAGE ? flat : flat.substring(0, MAX_MESSAGE - 3) + "...";
    }

    private static int[] widths(List<String[]> rows) {
        int[] widths = new int[HEADERS.length];
        rows.forEach(r -> {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        });
        return widths;
    }

    private static String format(String[] row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.length - 1; i++) {
            line.append(String.format("%-" + widths[i] + "s  ", row[i]));
        }
        return line.append(row[row.length - 1]).toString();
    }
}
