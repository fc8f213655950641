package io.evalify.grading.objective;

import io.evalify.grading.GradingException;
import io.evalify.grading.JsonNodes;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Option ids of MCQ/MMCQ, normalised the way the old evaluator did: trimmed, lower-cased, no blanks. */
final class OptionIds {

    private OptionIds() {}

    /**
     * The correct ids of a solution: {@code correctOptions} entries with {@code isCorrect: true}; a plain
     * list of ids or a single id string is accepted too.
     */
    static Set<String> correct(JsonNode solution) {
        JsonNode options = solution.isObject() ? solution.path("correctOptions") : solution;
        Set<String> ids = options.isString() ? normalise(Set.of(options.stringValue())) : fromEntries(options);
        if (ids.isEmpty()) {
            throw GradingException.invalidQuestion("no correct option in the solution");
        }
        return ids;
    }

    /** Trims, lower-cases, drops blanks and duplicates. */
    static Set<String> normalise(Iterable<String> ids) {
        Set<String> result = new LinkedHashSet<>();
        for (String id : ids) {
            String clean = id.trim().toLowerCase(Locale.ROOT);
            if (!clean.isEmpty()) {
                result.add(clean);
            }
        }
        return result;
    }

    private static Set<String> fromEntries(JsonNode options) {
        if (!options.isArray()) {
            throw GradingException.invalidQuestion("correctOptions must be a list");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode option : options) {
            addIfCorrect(option, ids);
        }
        return normalise(ids);
    }

    private static void addIfCorrect(JsonNode option, Set<String> ids) {
        if (option.isString()) {
            ids.add(option.stringValue());
        } else if (option.path("isCorrect").asBoolean(false) && JsonNodes.scalarText(option.get("id")) != null) {
            ids.add(JsonNodes.scalarText(option.get("id")));
        }
    }
}
