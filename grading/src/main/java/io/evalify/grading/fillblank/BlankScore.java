package io.evalify.grading.fillblank;

import io.evalify.schemas.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * How one blank was scored.
 *
 * @param blank the blank
 * @param mark marks earned
 * @param method {@code static} or {@code llm}
 */
record BlankScore(Blank blank, double mark, String method) {

    boolean full() {
        return mark >= blank.marks();
    }

    ObjectNode toJson() {
        return Json.mapper()
                .createObjectNode()
                .put("blank", blank.key())
                .put("mark", mark)
                .put("method", method);
    }
}
