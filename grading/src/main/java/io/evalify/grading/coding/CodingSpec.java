package io.evalify.grading.coding;

import io.evalify.grading.GradingException;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A parsed CODING question: allowed languages, test cases with their marks, and Judge0 limits
 * ({@code cpu_time_limit = timeLimitMs / 1000} s, {@code memory_limit = memoryLimitMb × 1024} KB).
 *
 * @param languages setup per allowed language
 * @param testCases cases in {@code orderIndex} order
 * @param cpuTimeLimit seconds, or null
 * @param memoryLimit kilobytes, or null
 */
record CodingSpec(
        Map<CodingLanguage, LanguageSetup> languages,
        List<TestCase> testCases,
        Double cpuTimeLimit,
        Integer memoryLimit) {

    static CodingSpec of(JsonNode data, JsonNode solution, double marks) {
        JsonNode config = data.path("config");
        return new CodingSpec(
                CodingLanguages.of(config, solution),
                CodingCases.of(data, solution, marks),
                config.path("timeLimitMs").isNumber()
                        ? config.path("timeLimitMs").asDouble() / 1000
                        : null,
                config.path("memoryLimitMb").isNumber()
                        ? (int) (config.path("memoryLimitMb").asDouble() * 1024)
                        : null);
    }

    /** The setup for the student's language (or the only allowed one when the answer names none). */
    LanguageSetup setupFor(String requested) {
        if (requested == null || requested.isBlank()) {
            return onlyLanguage();
        }
        CodingLanguage language = CodingLanguage.of(requested);
        LanguageSetup setup = language == null ? null : languages.get(language);
        if (setup == null) {
            throw GradingException.invalidAnswer("language " + requested + " is not allowed for this question");
        }
        return setup;
    }

    private LanguageSetup onlyLanguage() {
        if (languages.size() != 1) {
            throw GradingException.invalidAnswer("the submission names no language and the question allows several");
        }
        return languages.values().iterator().next();
    }
}
