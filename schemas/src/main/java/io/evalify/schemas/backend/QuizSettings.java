package io.evalify.schemas.backend;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The bare settings object of {@code GET /eval/quiz/{quizId}/settings} (docs/BACKEND-CONTRACT.md).
 *
 * @param id the quiz id
 * @param mcqGlobalPartialMarking partial marks for MMCQ
 * @param mcqGlobalNegativeMark fixed penalty for a wrong MCQ/MMCQ
 * @param mcqGlobalNegativePercent penalty as a fraction (0-1) or, as the UI collects it, a percent (0-100)
 * @param codingGlobalPartialMarking partial marks for coding test cases
 * @param llmEvaluationEnabled the quiz's LLM toggle
 * @param llmProvider provider name chosen in the UI
 * @param llmModelName model chosen in the UI
 * @param fitbLlmSystemPrompt custom system prompt for FILL_THE_BLANK via LLM
 * @param descLlmSystemPrompt custom system prompt for DESCRIPTIVE
 */
public record QuizSettings(
        @JsonProperty("id") String id,
        @JsonProperty("mcqGlobalPartialMarking") Boolean mcqGlobalPartialMarking,
        @JsonProperty("mcqGlobalNegativeMark") Double mcqGlobalNegativeMark,
        @JsonProperty("mcqGlobalNegativePercent") Double mcqGlobalNegativePercent,
        @JsonProperty("codingGlobalPartialMarking") Boolean codingGlobalPartialMarking,
        @JsonProperty("llmEvaluationEnabled") Boolean llmEvaluationEnabled,
        @JsonProperty("llmProvider") String llmProvider,
        @JsonProperty("llmModelName") String llmModelName,
        @JsonProperty("fitbLlmSystemPrompt") String fitbLlmSystemPrompt,
        @JsonProperty("descLlmSystemPrompt") String descLlmSystemPrompt) {

    /** Settings with every option off, for a quiz whose settings row is missing. */
    public static QuizSettings defaults(String quizId) {
        return new QuizSettings(quizId, false, null, null, false, false, null, null, null, null);
    }
}
