package io.evalify.fakes.llm;

import io.evalify.schemas.Json;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the fake model "decides": the JSON object it puts in the assistant message.
 *
 * @param score awarded marks (may be out of range in obedient mode, on purpose)
 * @param feedback what matched and what was missing
 * @param rubric how the score was derived
 * @param breakdown the arithmetic
 * @param flags e.g. {@code empty_answer}, {@code prompt_injection_suspected}
 */
public record LlmGrade(double score, String feedback, String rubric, String breakdown, List<String> flags) {

    /** Copies the flags. */
    public LlmGrade {
        flags = List.copyOf(flags);
    }

    /** {@code {"score","feedback","rubric","breakdown","flags"}}. */
    public ObjectNode toJson() {
        ObjectNode json = Json.mapper().createObjectNode().put("score", score);
        json.put("feedback", feedback).put("rubric", rubric).put("breakdown", breakdown);
        flags.forEach(json.putArray("flags")::add);
        if (!json.has("flags")) {
            json.putArray("flags");
        }
        return json;
    }
}
