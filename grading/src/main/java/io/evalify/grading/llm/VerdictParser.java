package io.evalify.grading.llm;

import io.evalify.schemas.Json;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * Validates the model's reply in code, whatever the server promised about structured output: one JSON
 * object (a ```json fence around it is tolerated) with a finite numeric {@code score}.
 */
final class VerdictParser {

    /** Reads the first JSON value and ignores what follows it (a closing fence, chatter). */
    private static final ObjectReader LENIENT =
            Json.mapper().reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private VerdictParser() {}

    /**
     * The parsed reply.
     *
     * @param score the raw score (not yet clamped), or null when the reply is unusable
     * @param problem why the reply is unusable, or null
     */
    record Parsed(Double score, String feedback, String rubric, String breakdown, List<String> flags, String problem) {

        static Parsed malformed(String problem) {
            return new Parsed(null, null, null, null, List.of(), problem);
        }

        boolean usable() {
            return problem == null;
        }
    }

    static Parsed parse(String content) {
        JsonNode node = readObject(content);
        if (node == null) {
            return Parsed.malformed("reply is not a JSON object");
        }
        JsonNode score = node.get("score");
        if (score == null || !score.isNumber() || !Double.isFinite(score.asDouble())) {
            return Parsed.malformed("reply has no numeric score");
        }
        return new Parsed(
                score.asDouble(),
                text(node, "feedback"),
                text(node, "rubric"),
                text(node, "breakdown"),
                flags(node),
                null);
    }

    /** Reads the first JSON value starting at the first '{', ignoring any chatter or fence after it. */
    private static JsonNode readObject(String content) {
        int start = content == null ? -1 : content.indexOf('{');
        if (start < 0) {
            return null;
        }
        try {
            JsonNode node = LENIENT.readTree(content.substring(start));
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null; // malformed output is data: the caller asks again
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        return value.isString() ? value.stringValue() : value.toString();
    }

    private static List<String> flags(JsonNode node) {
        List<String> flags = new ArrayList<>();
        for (JsonNode flag : node.path("flags")) {
            if (flag.isString() && GradingPrompt.ALLOWED_FLAGS.contains(flag.stringValue())) {
                flags.add(flag.stringValue());
            }
        }
        return flags;
    }
}
