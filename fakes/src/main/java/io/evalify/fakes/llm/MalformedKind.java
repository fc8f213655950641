package io.evalify.fakes.llm;

/** Ways a real model breaks the output contract; the fake cycles through the enabled ones. */
public enum MalformedKind {
    /** Prose instead of JSON. */
    NOT_JSON,
    /** Valid JSON without the {@code score} field. */
    MISSING_SCORE,
    /** A valid JSON object inside a ```json fence, followed by chatter and a stray brace. */
    FENCED_WITH_TRAILING_GARBAGE,
    /** JSON cut off half-way, as when the token limit is hit. */
    TRUNCATED;

    /** The assistant message content for this failure, built from a well-formed grade. */
    String render(LlmGrade grade) {
        String json = grade.toJson().toString();
        return switch (this) {
            case NOT_JSON -> "The answer looks mostly right; I would give it about " + grade.score() + " marks.";
            case MISSING_SCORE -> {
                var node = grade.toJson();
                node.remove("score");
                yield node.toString();
            }
            case FENCED_WITH_TRAILING_GARBAGE -> "```json\n" + json + "\n```\nHope this helps! }";
            case TRUNCATED -> json.substring(0, json.length() / 2);
        };
    }
}
