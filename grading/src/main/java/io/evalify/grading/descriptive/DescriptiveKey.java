package io.evalify.grading.descriptive;

import io.evalify.grading.GradingException;
import io.evalify.grading.JsonNodes;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The solution of a DESCRIPTIVE question.
 *
 * @param modelAnswer the expected answer (HTML or text), required
 * @param keywords optional keywords
 */
record DescriptiveKey(String modelAnswer, List<String> keywords) {

    static DescriptiveKey of(JsonNode solution) {
        String modelAnswer = JsonNodes.scalarText(solution.get("modelAnswer"));
        if (modelAnswer == null || modelAnswer.isBlank()) {
            throw GradingException.invalidQuestion("DESCRIPTIVE needs a modelAnswer");
        }
        List<String> keywords = JsonNodes.strings(solution.path("keywords"));
        return new DescriptiveKey(modelAnswer, keywords == null ? List.of() : keywords);
    }
}
