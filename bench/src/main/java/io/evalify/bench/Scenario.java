package io.evalify.bench;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The benchmark scenarios of issue 7. */
public enum Scenario {
    /** Descriptive answers graded by a slow LLM: time to COMPLETED and the worker's peak memory. */
    S1,
    /** Objective answers only: students per second. */
    S2,
    /** An objective job while S1 runs: lane isolation. */
    S3,
    /** Latency of submitting a large job. */
    S4,
    /** Latency of status reads under a steady 2,000 requests/s. */
    S5;

    /** Parses {@code all} or a comma-separated list such as {@code S1,s3}. */
    public static Set<Scenario> parse(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("all")) {
            return EnumSet.allOf(Scenario.class);
        }
        Set<Scenario> chosen = EnumSet.noneOf(Scenario.class);
        for (String name : text.split(",")) {
            chosen.add(one(name.trim()));
        }
        return chosen;
    }

    private static Scenario one(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String valid = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
            throw new IllegalArgumentException(
                    "unknown scenario '" + name + "': expected " + valid + ", all, or a comma-separated list", e);
        }
    }
}
