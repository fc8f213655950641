package io.evalify.fakes.common;

import io.evalify.schemas.Json;
import tools.jackson.databind.node.ObjectNode;

/** Small builders for the JSON bodies the fakes answer with. */
public final class Replies {

    private Replies() {}

    /** {@code {"error": message}}, the backend's and Judge0's error shape. */
    public static ObjectNode error(String message) {
        return object().put("error", message);
    }

    /** {@code {key: value}}. */
    public static ObjectNode of(String key, String value) {
        return object().put(key, value);
    }

    /** A new empty object node. */
    public static ObjectNode object() {
        return Json.mapper().createObjectNode();
    }
}
