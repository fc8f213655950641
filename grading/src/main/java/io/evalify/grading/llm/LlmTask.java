package io.evalify.grading.llm;

import java.util.List;

/**
 * One thing for the LLM to grade: a descriptive answer or one failed FILL_THE_BLANK blank.
 *
 * @param question question text or HTML
 * @param modelAnswer the expected answer, text or HTML
 * @param maxMarks the most the answer can earn
 * @param keywords optional keywords the answer should mention
 * @param studentAnswer the student's text or HTML
 * @param guidance the instructor's extra guidance (quiz {@code descLlmSystemPrompt}), or null
 * @param modelOverride the quiz's {@code llmModelName}, or null for the configured model
 */
public record LlmTask(
        String question,
        String modelAnswer,
        double maxMarks,
        List<String> keywords,
        String studentAnswer,
        String guidance,
        String modelOverride) {

    /** Compact constructor: null keywords become empty. */
    public LlmTask {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }
}
