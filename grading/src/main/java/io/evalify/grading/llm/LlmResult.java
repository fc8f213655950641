package io.evalify.grading.llm;

import java.util.List;

/** What the LLM grader returns: a usable score, or the reason there is none. */
public sealed interface LlmResult {

    /** Review flags (ours and the model's allowed ones). */
    List<String> flags();

    /** The model that was asked. */
    String model();

    /**
     * A validated grade, already clamped to {@code [0, maxMarks]} and rounded to the score step.
     *
     * @param score marks awarded
     * @param feedback the model's feedback for faculty
     * @param rubric the model's criteria
     * @param breakdown the model's marks per criterion
     * @param flags review flags
     * @param model the model asked
     * @param attempts how many calls it took
     */
    record Scored(
            double score,
            String feedback,
            String rubric,
            String breakdown,
            List<String> flags,
            String model,
            int attempts)
            implements LlmResult {}

    /**
     * Every answer of the model was malformed.
     *
     * @param reason what was wrong with the last one
     * @param flags review flags
     * @param model the model asked
     * @param attempts how many calls were made
     */
    record Unusable(String reason, List<String> flags, String model, int attempts) implements LlmResult {}
}
