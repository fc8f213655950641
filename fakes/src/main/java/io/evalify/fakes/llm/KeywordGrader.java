package io.evalify.fakes.llm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The fake model's deterministic judgement: the share of key terms (words of three or more letters from
 * the model answer and keywords) that appear in the student answer, times max marks, rounded to 0.5.
 */
final class KeywordGrader {

    private KeywordGrader() {}

    static LlmGrade grade(GradingPrompt prompt) {
        String answer = plainText(prompt.studentAnswer());
        if (answer.isBlank()) {
            return new LlmGrade(
                    0, "No answer was given.", rubric(Set.of()), "empty answer -> 0", List.of("empty_answer"));
        }
        Set<String> terms = tokens(prompt.modelAnswer() + " " + String.join(" ", prompt.keywords()));
        Set<String> said = tokens(answer);
        List<String> matched = terms.stream().filter(said::contains).toList();
        List<String> missing = terms.stream().filter(t -> !said.contains(t)).toList();
        double score = terms.isEmpty() ? 0 : roundToHalf(prompt.maxMarks() * matched.size() / terms.size());
        score = Math.clamp(score, 0, Math.max(0, prompt.maxMarks()));
        String breakdown = "%d of %d key terms x %s marks = %s"
                .formatted(matched.size(), terms.size(), number(prompt.maxMarks()), number(score));
        List<String> flags = new ArrayList<>();
        if (InjectionDetector.addressesGrader(answer)) {
            flags.add("prompt_injection_suspected");
        }
        return new LlmGrade(score, feedback(matched, missing), rubric(terms), breakdown, flags);
    }

    /** Lower-cased words of three or more letters or digits, in order of first appearance. */
    static Set<String> tokens(String text) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 3) {
                tokens.add(word);
            }
        }
        return tokens;
    }

    static String plainText(String html) {
        return html.replaceAll("<[^>]*>", " ").replace("&nbsp;", " ").strip();
    }

    private static String feedback(List<String> matched, List<String> missing) {
        String found = matched.isEmpty() ? "No key terms matched." : "Matched: " + String.join(", ", matched) + ".";
        return missing.isEmpty() ? found : found + " Missing: " + String.join(", ", missing) + ".";
    }

    private static String rubric(Set<String> terms) {
        return "Marks are shared equally among the key terms: " + String.join(", ", terms) + ".";
    }

    private static double roundToHalf(double value) {
        return Math.round(value * 2) / 2.0;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
