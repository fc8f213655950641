package io.evalify.grading.coding;

import io.evalify.grading.GradingException;
import io.evalify.grading.JsonNodes;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Reads allowed languages (multi-language {@code config.languages} or legacy {@code config.language}) and their reference solutions. */
final class CodingLanguages {

    private CodingLanguages() {}

    static Map<CodingLanguage, LanguageSetup> of(JsonNode config, JsonNode solution) {
        Map<CodingLanguage, LanguageSetup> setups = new LinkedHashMap<>();
        if (config.path("languages").isArray()) {
            config.path("languages").forEach(entry -> put(setups, setup(entry)));
        } else if (config.hasNonNull("language")) {
            put(setups, setup(config));
        }
        if (setups.isEmpty()) {
            throw GradingException.invalidQuestion("CODING question allows no language");
        }
        addReferences(setups, solution);
        return setups;
    }

    private static void put(Map<CodingLanguage, LanguageSetup> setups, LanguageSetup setup) {
        setups.put(setup.language(), setup);
    }

    private static LanguageSetup setup(JsonNode entry) {
        CodingLanguage language = language(entry);
        return new LanguageSetup(language, text(entry, "boilerplateCode"), text(entry, "driverCode"), null);
    }

    private static CodingLanguage language(JsonNode entry) {
        String name = JsonNodes.scalarText(entry.get("language"));
        CodingLanguage language = CodingLanguage.of(name);
        if (language == null) {
            throw GradingException.invalidQuestion("unknown language " + name);
        }
        return language;
    }

    private static void addReferences(Map<CodingLanguage, LanguageSetup> setups, JsonNode solution) {
        solution.path("languages").forEach(entry -> addReference(setups, entry));
        String legacy = text(solution, "referenceSolution");
        if (legacy != null && setups.size() == 1) {
            setups.replaceAll((key, setup) -> setup.referenceSolution() == null ? setup.withReference(legacy) : setup);
        }
    }

    private static void addReference(Map<CodingLanguage, LanguageSetup> setups, JsonNode entry) {
        CodingLanguage language = CodingLanguage.of(JsonNodes.scalarText(entry.get("language")));
        LanguageSetup setup = language == null ? null : setups.get(language);
        if (setup != null) {
            setups.put(language, setup.withReference(text(entry, "referenceSolution")));
        }
    }

    private static String text(JsonNode node, String field) {
        return JsonNodes.scalarText(node.get(field));
    }
}
