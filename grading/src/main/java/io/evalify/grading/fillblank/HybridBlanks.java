package io.evalify.grading.fillblank;

import io.evalify.grading.Grade;
import io.evalify.grading.GradingException;
import io.evalify.grading.GradingInput;
import io.evalify.grading.html.HtmlText;
import io.evalify.grading.llm.LlmGrader;
import io.evalify.grading.llm.LlmResult;
import io.evalify.grading.llm.LlmTask;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The LLM half of HYBRID blanks: one call per blank that failed the static match and is not empty, with
 * max_marks = that blank's share and the acceptable answers as the model answer. Without an LLM the
 * static scores stand and the question is flagged {@code llm_not_configured} for review. A blank whose
 * LLM output stays malformed makes the question ERROR (its review flags are then dropped with it).
 */
public final class HybridBlanks {

    /** Flag for a HYBRID question graded statically only. */
    public static final String NO_LLM_FLAG = "llm_not_configured";

    private final LlmGrader llm;

    /** @param llm the LLM grader, or null when none is configured */
    public HybridBlanks(LlmGrader llm) {
        this.llm = llm;
    }

    Grade rescore(
            GradingInput input,
            List<BlankScore> scores,
            Map<String, String> given,
            BiFunction<GradingInput, List<BlankScore>, Grade> summary) {
        if (llm == null) {
            return summary.apply(input, scores).withFlags(List.of(NO_LLM_FLAG));
        }
        Set<String> flags = new LinkedHashSet<>();
        List<BlankScore> rescored = scores.stream()
                .map(score ->
                        rescore(input, score, given.getOrDefault(score.blank().key(), ""), flags))
                .toList();
        return summary.apply(input, rescored).withFlags(List.copyOf(flags));
    }

    private BlankScore rescore(GradingInput input, BlankScore score, String text, Set<String> flags) {
        if (score.full() || text.isBlank()) {
            return score;
        }
        LlmResult result = llm.grade(task(input, score.blank(), text));
        flags.addAll(result.flags());
        return switch (result) {
            case LlmResult.Scored scored -> new BlankScore(score.blank(), scored.score(), "llm");
            case LlmResult.Unusable unusable ->
                throw new GradingException("LLM output unusable for blank "
                        + score.blank().key() + " after " + unusable.attempts() + " attempts: " + unusable.reason());
        };
    }

    private static LlmTask task(GradingInput input, Blank blank, String text) {
        String question = HtmlText.of(input.question().question()) + " (blank " + blank.key() + ")";
        String expected = String.join(" | ", blank.answers()); // alternatives, any one is right
        var settings = input.settings();
        return new LlmTask(
                question,
                expected,
                blank.marks(),
                List.of(),
                text,
                settings.fitbLlmSystemPrompt(),
                settings.llmModelName());
    }
}
