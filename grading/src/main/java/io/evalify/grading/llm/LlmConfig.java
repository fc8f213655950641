package io.evalify.grading.llm;

import java.time.Duration;

/**
 * Connection and behaviour of the LLM grader (an OpenAI-compatible chat-completions endpoint).
 *
 * @param baseUrl API base including the version path, e.g. {@code https://api.openai.com/v1}
 * @param apiKey bearer key; never logged ({@link #toString()} hides it)
 * @param model default model; a quiz's {@code llmModelName} overrides it
 * @param timeout per HTTP request
 * @param maxRetries the SDK's own retries for connection errors, 408, 409, 429 and 5xx (honours Retry-After)
 * @param malformedRetries extra asks when the model's output is not a valid grade (0 = ask once)
 * @param maxConcurrency size of the default local limiter ({@link LlmPermits#local(int)})
 * @param scoreStep scores are rounded to a multiple of this (0.25 by default)
 * @param temperature sampling temperature
 */
public record LlmConfig(
        String baseUrl,
        String apiKey,
        String model,
        Duration timeout,
        int maxRetries,
        int malformedRetries,
        int maxConcurrency,
        double scoreStep,
        double temperature) {

    /** Default per-request timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** Compact constructor: checks the required parts. */
    public LlmConfig {
        if (baseUrl == null || baseUrl.isBlank() || model == null || model.isBlank()) {
            throw new IllegalArgumentException("LLM baseUrl and model are required");
        }
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        apiKey = apiKey == null || apiKey.isBlank() ? "not-needed" : apiKey;
    }

    /** A config with the defaults: 60 s timeout, 2 SDK retries, 2 re-asks, 8 permits, 0.25 steps, temperature 0. */
    public static LlmConfig of(String baseUrl, String apiKey, String model) {
        return new LlmConfig(baseUrl, apiKey, model, DEFAULT_TIMEOUT, 2, 2, 8, 0.25, 0.0);
    }

    /** This config with another SDK retry count. */
    public LlmConfig withMaxRetries(int retries) {
        return new LlmConfig(
                baseUrl, apiKey, model, timeout, retries, malformedRetries, maxConcurrency, scoreStep, temperature);
    }

    /** This config with another per-request timeout. */
    public LlmConfig withTimeout(Duration newTimeout) {
        return new LlmConfig(
                baseUrl,
                apiKey,
                model,
                newTimeout,
                maxRetries,
                malformedRetries,
                maxConcurrency,
                scoreStep,
                temperature);
    }

    /** Hides the API key. */
    @Override
    public String toString() {
        return "LlmConfig[baseUrl=" + baseUrl + ", model=" + model + ", timeout=" + timeout + ", maxRetries="
                + maxRetries + ", malformedRetries=" + malformedRetries + ", maxConcurrency=" + maxConcurrency + "]";
    }
}
