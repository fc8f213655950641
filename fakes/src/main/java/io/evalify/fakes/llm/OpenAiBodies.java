package io.evalify.fakes.llm;

import io.evalify.schemas.Json;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/** The OpenAI response shapes the fake answers with. */
final class OpenAiBodies {

    private OpenAiBodies() {}

    /** {@code {"error": {"message", "type", "code"}}}. */
    static ObjectNode error(String message, String type, String code) {
        ObjectNode body = Json.mapper().createObjectNode();
        ObjectNode error = body.putObject("error").put("message", message).put("type", type);
        if (code == null) {
            error.putNull("code");
        } else {
            error.put("code", code);
        }
        return body;
    }

    /** A {@code chat.completion} with one choice carrying {@code content}. */
    static ObjectNode completion(String id, String model, String content, int promptTokens) {
        ObjectNode body = Json.mapper().createObjectNode().put("id", id).put("object", "chat.completion");
        body.put("created", Instant.now().getEpochSecond()).put("model", model);
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        int completionTokens = tokens(content);
        body.putObject("usage")
                .put("prompt_tokens", promptTokens)
                .put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return body;
    }

    /** A rough token count (4 characters a token), enough for usage accounting tests. */
    static int tokens(String text) {
        return Math.max(1, text.length() / 4);
    }
}
