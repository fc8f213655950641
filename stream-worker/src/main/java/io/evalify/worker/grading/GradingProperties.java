package io.evalify.worker.grading;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Remote graders ({@code evalify.*}): an OpenAI-compatible LLM for descriptive answers and Judge0 for code.
 * A blank base URL turns that grader off (those questions are saved as not evaluated, with the reason).
 *
 * @param llm the LLM
 * @param judge0 Judge0
 */
@ConfigurationProperties("evalify")
record GradingProperties(
        @DefaultValue Llm llm, @DefaultValue Judge0 judge0) {

    /**
     * An OpenAI-compatible chat-completions endpoint.
     *
     * @param baseUrl e.g. {@code https://api.openai.com/v1} or a vLLM server; blank disables LLM grading
     * @param apiKey bearer key (never logged)
     * @param model default model; a quiz's {@code llmModelName} overrides it
     * @param timeout time-out of one call
     * @param maxRetries the client library's own retries (429/5xx/connection), honouring Retry-After
     * @param malformedRetries re-asks when the model's answer is not valid JSON of the grading schema
     * @param maxConcurrency calls in flight per worker
     * @param scoreStep scores are rounded to a multiple of this
     */
    public record Llm(
            @DefaultValue("") String baseUrl,
            @DefaultValue("") String apiKey,
            @DefaultValue("gpt-4o-mini") String model,
            @DefaultValue("60s") Duration timeout,
            @DefaultValue("2") int maxRetries,
            @DefaultValue("2") int malformedRetries,
            @DefaultValue("256") int maxConcurrency,
            @DefaultValue("0.25") double scoreStep,
            @DefaultValue("256") int globalConcurrency) {

        /** Hides the key. */
        @Override
        public String toString() {
            return "Llm[baseUrl=" + baseUrl + ", apiKey=****, model=" + model + "]";
        }
    }

    /**
     * A Judge0 CE server.
     *
     * @param baseUrl e.g. {@code http://localhost:2358}; blank disables code grading
     * @param timeout time-out of one submission (wait=true)
     */
    public record Judge0(
            @DefaultValue("") String baseUrl,
            @DefaultValue("30s") Duration timeout) {}
}
