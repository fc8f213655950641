package io.evalify.fakes.llm;

import tools.jackson.databind.JsonNode;

/** Reads the parts of a chat request the fake needs. */
final class ChatRequests {

    private ChatRequests() {}

    /** Text of the last {@code user} message; content may be a string or a list of text parts. */
    static String lastUserText(JsonNode request) {
        JsonNode messages = request.path("messages");
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode message = messages.get(i);
            if ("user".equals(message.path("role").asString(null))) {
                return text(message.path("content"));
            }
        }
        return "";
    }

    /** Rough prompt size over all messages. */
    static int promptTokens(JsonNode request) {
        int chars = 0;
        for (JsonNode message : request.path("messages")) {
            chars += text(message.path("content")).length();
        }
        return Math.max(1, chars / 4);
    }

    private static String text(JsonNode content) {
        if (content.isString()) {
            return content.stringValue();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if (part.path("text").isString()) {
                text.append(part.path("text").stringValue()).append('\n');
            }
        }
        return text.toString();
    }
}
