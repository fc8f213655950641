package io.evalify.schemas.backend;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * How a question's {@code questionData} and {@code solution} are stored: version-wrapped,
 * {@code {"version": 1, "data": {...}}}, or, in older rows, the bare object. Read here once for the API's lane
 * choice and the graders.
 */
public final class QuestionData {

    private QuestionData() {}

    /** The object inside the version envelope, the bare object itself, or a missing node for null or JSON null. */
    public static JsonNode unwrap(JsonNode stored) {
        if (stored == null || stored.isMissingNode() || stored.isNull()) {
            return MissingNode.getInstance();
        }
        if (stored.has("version") && stored.has("data")) {
            JsonNode data = stored.get("data");
            return data == null ? MissingNode.getInstance() : data;
        }
        return stored;
    }
}
