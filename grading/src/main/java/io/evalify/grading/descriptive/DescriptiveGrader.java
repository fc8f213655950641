package io.evalify.grading.descriptive;

import io.evalify.grading.Grade;
import io.evalify.grading.GradingException;
import io.evalify.grading.GradingInput;
import io.evalify.grading.JsonNodes;
import io.evalify.grading.QuestionGrader;
import io.evalify.grading.html.HtmlText;
import io.evalify.grading.llm.InjectionDetector;
import io.evalify.grading.llm.LlmGrader;
import io.evalify.grading.llm.LlmResult;
import io.evalify.grading.llm.LlmTask;
import io.evalify.grading.llm.PromptText;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * DESCRIPTIVE: a blank answer earns 0 without a call; an answer equal to the model answer (HTML→text,
 * trimmed, case and spacing ignored) earns full marks without a call; anything else goes to the LLM.
 * Without an LLM the question stays NOT_EVALUATED ("LLM not configured") for a person to grade.
 */
public final class DescriptiveGrader implements QuestionGrader {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** Remarks when no LLM is configured. */
    public static final String NOT_CONFIGURED = "LLM not configured";

    private final LlmGrader llm;
    private final InjectionDetector detector = new InjectionDetector();

    /** @param llm the LLM grader, or null when none is configured */
    public DescriptiveGrader(LlmGrader llm) {
        this.llm = llm;
    }

    @Override
    public Grade grade(GradingInput input) {
        DescriptiveKey key = DescriptiveKey.of(input.solution());
        String html = answerHtml(input);
        String answer = PromptText.stripInvisible(HtmlText.of(html));
        if (answer.isBlank()) {
            return Grade.noAnswer();
        }
        if (comparable(answer).equals(comparable(HtmlText.of(key.modelAnswer())))) {
            return Grade.correct(input.marks()).withDetails(LlmDetails.exactMatch());
        }
        return llm == null ? notConfigured(html) : byLlm(input, key, html);
    }

    private Grade notConfigured(String answer) {
        return Grade.notEvaluated(NOT_CONFIGURED)
                .withFlags(detector.suspicious(answer) ? List.of(InjectionDetector.FLAG) : List.of());
    }

    private Grade byLlm(GradingInput input, DescriptiveKey key, String answerHtml) {
        var settings = input.settings();
        LlmTask task = new LlmTask(
                input.question().question(),
                key.modelAnswer(),
                input.marks(),
                key.keywords(),
                answerHtml,
                settings.descLlmSystemPrompt(),
                settings.llmModelName());
        LlmResult result = llm.grade(task);
        return LlmDetails.toGrade(result, settings.llmProvider());
    }

    private static String answerHtml(GradingInput input) {
        if (input.unanswered()) {
            return "";
        }
        String text = JsonNodes.scalarText(input.answer());
        if (text == null) {
            throw GradingException.invalidAnswer("DESCRIPTIVE expects text");
        }
        return text;
    }

    private static String comparable(String text) {
        return WHITESPACE.matcher(text.trim()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
