package io.evalify.grading.support;

import io.evalify.fakes.llm.FakeLlm;
import io.evalify.grading.GradingServices;
import io.evalify.grading.StudentGrader;
import io.evalify.grading.judge0.CodeRunner;
import io.evalify.grading.llm.LlmConfig;
import io.evalify.grading.llm.LlmGrader;
import java.time.Duration;

/** LLM graders wired to a {@link FakeLlm} over real HTTP, through the OpenAI SDK. */
public final class LlmFixtures {

    /** The key the tests send. */
    public static final String API_KEY = "sk-test-secret-123";

    private LlmFixtures() {}

    /** A config for the fake: no SDK retries unless asked, short timeout. */
    public static LlmConfig configFor(FakeLlm llm) {
        return LlmConfig.of(llm.rootUrl() + "/v1", API_KEY, FakeLlm.DEFAULT_MODEL)
                .withMaxRetries(0)
                .withTimeout(Duration.ofSeconds(10));
    }

    /** A student grader using the fake LLM (and optionally a code runner). */
    public static StudentGrader studentGrader(FakeLlm llm, CodeRunner runner) {
        return new StudentGrader(new GradingServices(new LlmGrader(configFor(llm)), runner, Grading.FIXED));
    }
}
