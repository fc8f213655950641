package io.evalify.grading.descriptive;

import io.evalify.grading.Grade;
import io.evalify.grading.llm.LlmResult;
import io.evalify.schemas.Json;
import tools.jackson.databind.node.ObjectNode;

/** Turns an LLM result into a grade with its audit detail (method, provider, model, rubric, breakdown, attempts). */
final class LlmDetails {

    private LlmDetails() {}

    static ObjectNode exactMatch() {
        return Json.mapper().createObjectNode().put("method", "exact_match");
    }

    static Grade toGrade(LlmResult result, String provider) {
        return switch (result) {
            case LlmResult.Scored scored -> scoredGrade(scored, provider);
            case LlmResult.Unusable unusable ->
                Grade.error("LLM output unusable after " + unusable.attempts() + " attempts: " + unusable.reason())
                        .withFlags(unusable.flags())
                        .withDetails(base(provider, unusable.model(), unusable.attempts()));
        };
    }

    private static Grade scoredGrade(LlmResult.Scored scored, String provider) {
        ObjectNode details = base(provider, scored.model(), scored.attempts())
                .put("rubric", scored.rubric())
                .put("breakdown", scored.breakdown());
        return Grade.evaluated(scored.score(), scored.feedback())
                .withFlags(scored.flags())
                .withDetails(details);
    }

    private static ObjectNode base(String provider, String model, int attempts) {
        ObjectNode details = Json.mapper().createObjectNode().put("method", "llm");
        details.put("provider", provider).put("model", model).put("attempts", attempts);
        return details;
    }
}
