package io.evalify.grading.llm;

import io.evalify.grading.Marks;
import io.evalify.grading.RemoteCallException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grades free text with an LLM: builds the tagged prompt, runs the local injection detector, calls the
 * model under a concurrency permit, validates the reply in code, clamps the score to
 * {@code [0, maxMarks]} and rounds it to the configured step. A malformed reply is asked again up to
 * {@link LlmConfig#malformedRetries()} times; HTTP and transport failures are not retried here (the SDK
 * already did) but surface as {@link RemoteCallException} so the whole task is retried later.
 */
public final class LlmGrader {

    /** Flag added when the model's score was outside {@code [0, maxMarks]} and had to be clamped. */
    public static final String OUT_OF_RANGE_FLAG = "score_out_of_range";

    private static final Logger log = LoggerFactory.getLogger(LlmGrader.class);

    private final LlmConfig config;
    private final LlmPermits permits;
    private final ChatClient chat;
    private final InjectionDetector detector = new InjectionDetector();

    /** A grader on the OpenAI SDK with a local limiter of {@link LlmConfig#maxConcurrency()} permits. */
    public LlmGrader(LlmConfig config) {
        this(config, LlmPermits.local(config.maxConcurrency()));
    }

    /** A grader on the OpenAI SDK with the given (e.g. cluster-wide) limiter. */
    public LlmGrader(LlmConfig config, LlmPermits permits) {
        this(config, permits, new OpenAiChatClient(config));
    }

    /** A grader on any chat client, for tests and other transports. */
    public LlmGrader(LlmConfig config, LlmPermits permits, ChatClient chat) {
        this.config = config;
        this.permits = permits;
        this.chat = chat;
    }

    /** The model a quiz will use: its {@code llmModelName} when set, else the configured one. */
    public String modelFor(String override) {
        return override == null || override.isBlank() ? config.model() : override.trim();
    }

    /**
     * Grades one answer.
     *
     * @throws RemoteCallException when the endpoint fails after the SDK's retries
     */
    public LlmResult grade(LlmTask task) {
        List<String> localFlags =
                detector.suspicious(task.studentAnswer()) ? List.of(InjectionDetector.FLAG) : List.of();
        ChatClient.ChatRequest request = new ChatClient.ChatRequest(
                modelFor(task.modelOverride()), GradingPrompt.system(task.guidance()), GradingPrompt.user(task));
        return ask(request, task.maxMarks(), localFlags);
    }

    private LlmResult ask(ChatClient.ChatRequest request, double maxMarks, List<String> localFlags) {
        VerdictParser.Parsed parsed = null;
        int attempts = 0;
        while (attempts <= Math.max(0, config.malformedRetries())) {
            attempts++;
            parsed = VerdictParser.parse(call(request));
            if (parsed.usable()) {
                return scored(parsed, maxMarks, localFlags, request.model(), attempts);
            }
            log.warn("LLM reply unusable (attempt {}, model {}): {}", attempts, request.model(), parsed.problem());
        }
        return new LlmResult.Unusable(parsed.problem(), localFlags, request.model(), attempts);
    }

    private String call(ChatClient.ChatRequest request) {
        acquire();
        try {
            return chat.complete(request);
        } catch (RemoteCallException e) {
            permits.failed(e);
            throw e;
        } finally {
            permits.release();
        }
    }

    private void acquire() {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteCallException("llm", 0, true, null, "Interrupted while waiting for an LLM permit", e);
        }
    }

    private LlmResult scored(
            VerdictParser.Parsed parsed, double maxMarks, List<String> localFlags, String model, int attempts) {
        double clamped = Marks.clamp(parsed.score(), 0, maxMarks);
        double score = Marks.clamp(Marks.toStep(clamped, config.scoreStep()), 0, maxMarks);
        List<String> flags = mergeFlags(localFlags, parsed.flags(), clamped != parsed.score());
        return new LlmResult.Scored(
                score, parsed.feedback(), parsed.rubric(), parsed.breakdown(), flags, model, attempts);
    }

    private static List<String> mergeFlags(List<String> local, List<String> model, boolean clamped) {
        LinkedHashSet<String> flags = new LinkedHashSet<>(local);
        flags.addAll(model);
        if (clamped) {
            flags.add(OUT_OF_RANGE_FLAG);
        }
        return new ArrayList<>(flags);
    }
}
