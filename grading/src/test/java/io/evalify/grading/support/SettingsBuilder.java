package io.evalify.grading.support;

import io.evalify.schemas.backend.QuizSettings;

/** Builds quiz settings: {@code aQuiz().partialMarking().negativePercent(0.25).build()}. */
public final class SettingsBuilder {

    private boolean mcqPartial;
    private Double negativeMark;
    private Double negativePercent;
    private boolean codingPartial;
    private String provider;
    private String model;
    private String fitbPrompt;
    private String descPrompt;

    private SettingsBuilder() {}

    /** Everything off, as the old tests' defaults. */
    public static SettingsBuilder aQuiz() {
        return new SettingsBuilder();
    }

    public SettingsBuilder partialMarking() {
        this.mcqPartial = true;
        return this;
    }

    public SettingsBuilder codingPartialMarking(boolean on) {
        this.codingPartial = on;
        return this;
    }

    public SettingsBuilder negativeMark(Double mark) {
        this.negativeMark = mark;
        return this;
    }

    public SettingsBuilder negativePercent(Double percent) {
        this.negativePercent = percent;
        return this;
    }

    public SettingsBuilder llm(String llmProvider, String llmModel) {
        this.provider = llmProvider;
        this.model = llmModel;
        return this;
    }

    public SettingsBuilder descPrompt(String prompt) {
        this.descPrompt = prompt;
        return this;
    }

    public SettingsBuilder fitbPrompt(String prompt) {
        this.fitbPrompt = prompt;
        return this;
    }

    public QuizSettings build() {
        return new QuizSettings(
                "quiz-1",
                mcqPartial,
                negativeMark,
                negativePercent,
                codingPartial,
                false,
                provider,
                model,
                fitbPrompt,
                descPrompt);
    }
}
