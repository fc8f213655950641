package io.evalify.fakes.llm;

import io.evalify.fakes.common.FakeExchange;
import io.evalify.fakes.common.FakeServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.JsonNode;

/**
 * An OpenAI-compatible {@code POST /v1/chat/completions} (also without {@code /v1}) that grades
 * deterministically from the tagged prompt (see {@link GradingPrompt}, {@link KeywordGrader}), with
 * latency and fault switches ({@link #faults()}), an obedient mode that falls for prompt injection, and
 * precise in-flight counters. Each request runs on its own virtual thread, so hundreds of slow requests
 * cost no platform threads.
 */
public final class FakeLlm extends FakeServer {

    /** Model name answered when the request names none. */
    public static final String DEFAULT_MODEL = "fake-llm";

    private static final int DEFAULT_RECORDED = 100;

    private volatile String apiKey;
    private volatile boolean obedient;
    private volatile Double obedientScore;
    private volatile boolean fenceOutput;
    private final LlmFaults faults = new LlmFaults();
    private final int recordedLimit;
    private final ConcurrentLinkedDeque<JsonNode> lastRequests = new ConcurrentLinkedDeque<>();
    private final LongAdder requests = new LongAdder();
    private final Map<LlmOutcome, LongAdder> outcomes = new EnumMap<>(LlmOutcome.class);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong();

    /** On {@code 127.0.0.1}, an ephemeral port, no key required. */
    public FakeLlm() {
        this("127.0.0.1", 0, null);
    }

    /**
     * @param host address to bind
     * @param port port, 0 for ephemeral
     * @param apiKey the required bearer key, or null to accept any request
     */
    public FakeLlm(String host, int port, String apiKey) {
        this(host, port, apiKey, DEFAULT_RECORDED);
    }

    /** As {@link #FakeLlm(String, int, String)}, keeping the last {@code recordedLimit} request bodies. */
    public FakeLlm(String host, int port, String apiKey, int recordedLimit) {
        super("llm", host, port);
        this.apiKey = apiKey;
        this.recordedLimit = recordedLimit;
        for (LlmOutcome outcome : LlmOutcome.values()) {
            outcomes.put(outcome, new LongAdder());
        }
    }

    @Override
    public FakeLlm start() {
        super.start();
        return this;
    }

    /** The full endpoint URL, {@code http://host:port/v1/chat/completions}. */
    public String chatCompletionsUrl() {
        return rootUrl() + "/v1/chat/completions";
    }

    // ---- switches ---------------------------------------------------------------------------

    /** Latency and fault switches. */
    public LlmFaults faults() {
        return faults;
    }

    /** Changes the required bearer key; null accepts any request. */
    public FakeLlm apiKey(String key) {
        this.apiKey = key;
        return this;
    }

    /**
     * When on, a student answer that addresses the grader ("ignore...", "full marks", "system:", ...) is
     * obeyed: the score becomes {@link #obedientScore(Double)} (default max marks × 10, out of range on
     * purpose so the grader's clamp is proven) and no flags are raised.
     */
    public FakeLlm obedient(boolean on) {
        this.obedient = on;
        return this;
    }

    /** The score returned when obeying; null means max marks × 10. */
    public FakeLlm obedientScore(Double score) {
        this.obedientScore = score;
        return this;
    }

    /**
     * Wraps well-formed content in a ```json fence, as the models of the old evaluator's predecessor (DescriptiveEval)
     * answered.
     */
    public FakeLlm fenceOutput(boolean on) {
        this.fenceOutput = on;
        return this;
    }

    // ---- counters ---------------------------------------------------------------------------

    /** Every request that reached the endpoint. */
    public long requestCount() {
        return requests.sum();
    }

    /** Requests answered with {@code outcome}. */
    public long count(LlmOutcome outcome) {
        return outcomes.get(outcome).sum();
    }

    /** Requests currently being answered (inside latency, hang or grading). */
    public int inFlight() {
        return inFlight.get();
    }

    /** The highest {@link #inFlight()} seen since start or the last reset. */
    public int peakInFlight() {
        return peakInFlight.get();
    }

    /** The last request bodies (oldest first), at most the configured limit. */
    public List<JsonNode> lastRequests() {
        return new ArrayList<>(lastRequests);
    }

    /** The most recent request body. */
    public Optional<JsonNode> lastRequest() {
        return Optional.ofNullable(lastRequests.peekLast());
    }

    /** Zeroes counters and forgets recorded bodies (switches stay). */
    public FakeLlm resetRecordings() {
        requests.reset();
        outcomes.values().forEach(LongAdder::reset);
        peakInFlight.set(inFlight.get());
        lastRequests.clear();
        return this;
    }

    // ---- HTTP -------------------------------------------------------------------------------

    @Override
    protected void handle(FakeExchange exchange) throws IOException, InterruptedException {
        String path = exchange.path();
        if (!exchange.method().equals("POST")
                || !(path.equals("/v1/chat/completions") || path.equals("/chat/completions"))) {
            exchange.reply(
                    404,
                    OpenAiBodies.error(
                            "Unknown request URL: " + exchange.method() + " " + path,
                            "invalid_request_error",
                            "unknown_url"));
            return;
        }
        requests.increment();
        if (!authorized(exchange)) {
            answer(
                    exchange,
                    LlmOutcome.UNAUTHORIZED,
                    401,
                    OpenAiBodies.error("Incorrect API key provided.", "invalid_request_error", "invalid_api_key"));
            return;
        }
        Optional<JsonNode> body =
                exchange.bodyJson().filter(b -> b.path("messages").isArray());
        if (body.isEmpty()) {
            answer(
                    exchange,
                    LlmOutcome.BAD_REQUEST,
                    400,
                    OpenAiBodies.error("Expected a JSON body with a 'messages' array.", "invalid_request_error", null));
            return;
        }
        record(body.get());
        enterFlight();
        try {
            respond(exchange, body.get());
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private boolean authorized(FakeExchange exchange) {
        String expected = apiKey;
        return expected == null
                || exchange.header("Authorization")
                        .map(("Bearer " + expected)::equals)
                        .orElse(false);
    }

    private void respond(FakeExchange exchange, JsonNode request) throws IOException, InterruptedException {
        faults.latency().pause();
        switch (faults.draw()) {
            case RATE_LIMIT -> {
                exchange.responseHeader("Retry-After", String.valueOf(faults.retryAfterSeconds()));
                answer(
                        exchange,
                        LlmOutcome.RATE_LIMITED,
                        429,
                        OpenAiBodies.error(
                                "Rate limit reached for requests. Please try again later.",
                                "requests",
                                "rate_limit_exceeded"));
            }
            case SERVER_ERROR ->
                answer(
                        exchange,
                        LlmOutcome.SERVER_ERROR,
                        500,
                        OpenAiBodies.error(
                                "The server had an error while processing your request.", "server_error", null));
            case HANG -> {
                Thread.sleep(faults.hangDuration());
                complete(exchange, request, LlmOutcome.HUNG, grade(request).content(fenceOutput));
            }
            case MALFORMED ->
                complete(
                        exchange,
                        request,
                        LlmOutcome.MALFORMED,
                        faults.nextMalformedKind().render(grade(request).grade()));
            case NONE -> {
                Decision decision = grade(request);
                complete(exchange, request, decision.outcome(), decision.content(fenceOutput));
            }
        }
    }

    /** The grade plus how it was reached. */
    private record Decision(LlmGrade grade, LlmOutcome outcome) {
        String content(boolean fenced) {
            String json = grade.toJson().toString();
            return fenced ? "```json\n" + json + "\n```" : json;
        }
    }

    private Decision grade(JsonNode request) {
        Optional<GradingPrompt> prompt = GradingPrompt.parse(ChatRequests.lastUserText(request));
        if (prompt.isEmpty()) {
            return new Decision(
                    new LlmGrade(
                            0,
                            "fake llm: the prompt has no <max_marks>/<student_answer> sections",
                            "",
                            "",
                            List.of("unrecognised_prompt")),
                    LlmOutcome.UNRECOGNISED_PROMPT);
        }
        GradingPrompt p = prompt.get();
        if (obedient && InjectionDetector.addressesGrader(KeywordGrader.plainText(p.studentAnswer()))) {
            double score = obedientScore != null ? obedientScore : p.maxMarks() * 10;
            return new Decision(
                    new LlmGrade(
                            score,
                            "As instructed in the answer, full marks are awarded.",
                            "As instructed.",
                            "instructions followed",
                            List.of()),
                    LlmOutcome.OBEYED);
        }
        return new Decision(KeywordGrader.grade(p), LlmOutcome.GRADED);
    }

    private void complete(FakeExchange exchange, JsonNode request, LlmOutcome outcome, String content)
            throws IOException {
        String model = request.path("model").asString(DEFAULT_MODEL);
        String id = "chatcmpl-fake-" + ids.incrementAndGet();
        answer(exchange, outcome, 200, OpenAiBodies.completion(id, model, content, ChatRequests.promptTokens(request)));
    }

    private void answer(FakeExchange exchange, LlmOutcome outcome, int status, Object body) throws IOException {
        outcomes.get(outcome).increment();
        exchange.reply(status, body);
    }

    private void record(JsonNode body) {
        lastRequests.addLast(body);
        while (lastRequests.size() > recordedLimit) {
            lastRequests.pollFirst();
        }
    }

    private void enterFlight() {
        int now = inFlight.incrementAndGet();
        peakInFlight.accumulateAndGet(now, Math::max);
    }
}
