package io.evalify.localstack;

import java.time.Duration;

/**
 * What {@code evalify local} was asked to run. A null external service means "use the fake".
 *
 * @param students students in the generated demo quiz
 * @param quizId the quiz to grade (the generated demo quiz unless an external backend is used)
 * @param backend an external Evalify backend, or null
 * @param llm an external OpenAI-compatible LLM, or null
 * @param judge0Url an external Judge0, or null
 * @param apiPort the API's port, 0 for a free one
 * @param jobTimeout how long the demo job may run before the run gives up
 */
public record LocalSettings(
        int students, String quizId, External backend, Llm llm, String judge0Url, int apiPort, Duration jobTimeout) {

    /** The id of the quiz the fakes generate for the demo job. */
    public static final String DEMO_QUIZ_ID = "de000000-0000-4000-8000-000000000001";

    /** Whether any of backend, LLM and Judge0 is left to the fakes. */
    public boolean needsFakes() {
        return backend == null || llm == null || judge0Url == null;
    }

    /**
     * An external HTTP service and its key.
     *
     * @param url base URL
     * @param apiKey key, or null
     */
    public record External(String url, String apiKey) {}

    /**
     * An external LLM.
     *
     * @param url base URL of the OpenAI-compatible API
     * @param apiKey key, or null
     * @param model model name, or null for the worker's default
     */
    public record Llm(String url, String apiKey, String model) {}
}
