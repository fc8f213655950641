package io.evalify.grading;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** Small null-safe readers over Jackson trees, shared by the graders. */
public final class JsonNodes {

    private JsonNodes() {}

    /** The node itself, or a missing node for Java null. */
    public static JsonNode orMissing(JsonNode node) {
        return node == null ? MissingNode.getInstance() : node;
    }

    /** True for null, missing, JSON null, blank text, {@code []} and {@code {}}. */
    public static boolean isBlank(JsonNode node) {
        if (isAbsent(node)) {
            return true;
        }
        if (node.isString()) {
            return node.stringValue().isBlank();
        }
        return node.isContainer() && node.isEmpty();
    }

    /** True for Java null, a missing node or JSON null. */
    public static boolean isAbsent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    /** Text of a string, number or boolean node; null for anything else. */
    public static String scalarText(JsonNode node) {
        if (node == null || !node.isValueNode() || node.isNull()) {
            return null;
        }
        return node.asString();
    }

    /** The strings of an array node, or null when it is not an array of strings. */
    public static List<String> strings(JsonNode array) {
        if (array == null || !array.isArray()) {
            return null;
        }
        List<String> result = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isString()) {
                return null;
            }
            result.add(item.stringValue());
        }
        return result;
    }
}
