package io.evalify.fakes.backend;

import io.evalify.fakes.common.FakeExchange;
import io.evalify.fakes.common.FakeServer;
import io.evalify.fakes.common.Faults;
import io.evalify.fakes.common.Replies;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * A fake of the Evalify backend's evaluation API (docs/BACKEND-CONTRACT.md) on a real socket: the seven
 * {@code /eval/quiz/...} routes with the real bodies and errors, {@code API_KEY} auth, per-route fault
 * switches, and a record of every save. Thread-safe; switches can be flipped while requests run.
 *
 * <pre>{@code
 * try (FakeBackend backend = new FakeBackend().start()) {
 *     backend.loadFixture(Fixture.sample());
 *     client.baseUrl(backend.baseUrl());
 *     ...
 *     assertThat(backend.savesFor(QUIZ_ID, STUDENT_A)).hasSize(1);
 * }
 * }</pre>
 */
public final class FakeBackend extends FakeServer {

    /** The backend's own example key. */
    public static final String DEFAULT_API_KEY = "evalify_api_key";

    /** Where the real routes live. */
    public static final String DEFAULT_BASE_PATH = "/api/utils";

    private final String basePath;
    private volatile String apiKey;
    private final QuizStore store = new QuizStore();
    private final Map<BackendRoute, Faults> faults = new EnumMap<>(BackendRoute.class);
    private final Set<String> studentsAnswering404 = ConcurrentHashMap.newKeySet();
    private final BackendRecorder recorder = new BackendRecorder();
    private final SaveHandler saves = new SaveHandler(store, recorder);

    /** On {@code 127.0.0.1}, an ephemeral port, {@link #DEFAULT_BASE_PATH} and {@link #DEFAULT_API_KEY}. */
    public FakeBackend() {
        this("127.0.0.1", 0, DEFAULT_BASE_PATH, DEFAULT_API_KEY);
    }

    /**
     * @param host address to bind
     * @param port port, 0 for ephemeral
     * @param basePath path prefix of every route, e.g. {@code /api/utils}
     * @param apiKey the required {@code API_KEY} header value; null turns auth off (backend {@code PROTECTED=false})
     */
    public FakeBackend(String host, int port, String basePath, String apiKey) {
        super("backend", host, port);
        this.basePath = basePath.replaceAll("/+$", "");
        this.apiKey = apiKey;
        for (BackendRoute route : BackendRoute.values()) {
            faults.put(route, new Faults());
        }
    }

    @Override
    public FakeBackend start() {
        super.start();
        return this;
    }

    /** Root URL plus base path, e.g. {@code http://127.0.0.1:41234/api/utils} (the evaluator's EVALIFY_URL). */
    @Override
    public String baseUrl() {
        return rootUrl() + basePath;
    }

    /** Changes the required key at runtime; null turns auth off. */
    public FakeBackend apiKey(String key) {
        this.apiKey = key;
        return this;
    }

    // ---- data -------------------------------------------------------------------------------

    /** Serves a fixture's quiz, replacing any earlier data of that quiz id; returns the quiz id. */
    public String loadFixture(Fixture fixture) {
        store.load(fixture);
        return fixture.quizId();
    }

    /** Loads a fixture file in the sample format. */
    public String loadFixture(Path file) {
        return loadFixture(Fixture.read(file));
    }

    /** Loads a fixture in the sample format from a stream (not closed). */
    public String loadFixture(InputStream in) {
        return loadFixture(Fixture.read(in));
    }

    /** Loads the shipped sample fixture (ids in {@link SampleFixture}). */
    public String loadSampleFixture() {
        return loadFixture(Fixture.sample());
    }

    /** Generates and serves a quiz; returns what was generated (for expectations). */
    public Fixture generateQuiz(GeneratedQuizSpec spec) {
        Fixture fixture = QuizGenerator.generate(spec);
        loadFixture(fixture);
        return fixture;
    }

    /** Sets the quiz row served by {@code GET /eval/quiz/{quizId}} (a record or JSON node). */
    public FakeBackend putQuiz(String quizId, Object row) {
        store.putQuiz(quizId, row);
        return this;
    }

    /**
     * Replaces a quiz's questions. Items are {@code Question} records or JSON nodes; missing columns
     * get defaults, explicit nulls (e.g. {@code negativeMarks: null}) are kept.
     */
    public FakeBackend putQuestions(String quizId, List<?> questions) {
        store.putQuestions(quizId, questions);
        return this;
    }

    /** Adds or replaces (by id) one question. */
    public FakeBackend putQuestion(String quizId, Object question) {
        store.putQuestion(quizId, question);
        return this;
    }

    /** Sets the bare settings object (a {@code QuizSettings} record or JSON node). */
    public FakeBackend putSettings(String quizId, Object settings) {
        store.putSettings(quizId, settings);
        return this;
    }

    /** Makes the settings route answer 404 "Settings not found". */
    public FakeBackend removeSettings(String quizId) {
        store.removeSettings(quizId);
        return this;
    }

    /**
     * Adds or replaces a {@code quiz_response} row (a {@code QuizResponse} record or JSON node with quizId and
     * studentId).
     */
    public FakeBackend putResponse(Object row) {
        store.putResponse(row);
        return this;
    }

    /** Deletes a row; true if it existed. */
    public boolean removeResponse(String quizId, String studentId) {
        return store.removeResponse(quizId, studentId);
    }

    /** The row as currently stored (after saves). */
    public Optional<JsonNode> response(String quizId, String studentId) {
        return store.response(quizId, studentId);
    }

    /** All rows of a quiz, in backend order. */
    public List<JsonNode> responses(String quizId) {
        return store.responses(quizId);
    }

    /** The questions of a quiz as served. */
    public List<JsonNode> questions(String quizId) {
        return store.questions(quizId);
    }

    /** Forgets every quiz. */
    public FakeBackend clearData() {
        store.clear();
        return this;
    }

    // ---- fault switches ---------------------------------------------------------------------

    /** The switches of one route; flip them at any time. */
    public Faults faults(BackendRoute route) {
        return faults.get(route);
    }

    /** Applies {@code change} to the switches of every read (GET) route. */
    public FakeBackend faultsForReads(Consumer<Faults> change) {
        faults.forEach((route, f) -> {
            if (route.isRead()) {
                change.accept(f);
            }
        });
        return this;
    }

    /** Makes {@code GET /student/{id}} answer 404 "Quiz response not found" for these students. */
    public FakeBackend failStudentsWith404(String... studentIds) {
        studentsAnswering404.addAll(List.of(studentIds));
        return this;
    }

    /** Accepts any JSON save body (e.g. the old {@code {data, v}} shape) instead of requiring score/totalScore. */
    public FakeBackend lenientSave(boolean lenient) {
        saves.lenient(lenient);
        return this;
    }

    /** The next {@code times} saves for this student answer 500 (then saves succeed again). */
    public FakeBackend failNextSaves(String quizId, String studentId, int times) {
        saves.failNext(quizId, studentId, times);
        return this;
    }

    /** Clears every fault switch (latency, errors, hangs, 404 students, lenient mode, pending save failures). */
    public FakeBackend clearFaults() {
        faults.values().forEach(Faults::clear);
        studentsAnswering404.clear();
        saves.reset();
        return this;
    }

    // ---- recordings -------------------------------------------------------------------------

    /** Every save request that passed auth, in arrival order, including ones answered 500. */
    public List<RecordedSave> saves() {
        return recorder.saves();
    }

    /** Saves for one student. */
    public List<RecordedSave> savesFor(String quizId, String studentId) {
        return recorder.savesFor(quizId, studentId);
    }

    /** Number of save requests received (any status). */
    public int saveCount() {
        return recorder.saves().size();
    }

    /** Number of saves answered 200. */
    public long acceptedSaveCount() {
        return recorder.saves().stream().filter(RecordedSave::accepted).count();
    }

    /** Requests that passed auth on {@code route} for any quiz (including ones failed by a fault). */
    public long requestCount(BackendRoute route) {
        return recorder.requestCount(route);
    }

    /** Requests that passed auth on {@code route} for one quiz, e.g. how often its questions were fetched. */
    public long requestCount(BackendRoute route, String quizId) {
        return recorder.requestCount(route, quizId);
    }

    /** Requests refused with 401. */
    public long unauthorizedCount() {
        return recorder.unauthorizedCount();
    }

    /** Clears saves and counters (data and switches stay). */
    public FakeBackend resetRecordings() {
        recorder.reset();
        return this;
    }

    // ---- HTTP -------------------------------------------------------------------------------

    @Override
    protected void handle(FakeExchange exchange) throws IOException, InterruptedException {
        String path = exchange.path();
        if (!path.startsWith(basePath + "/")) {
            exchange.reply(404, Replies.error("Not found"));
            return;
        }
        if (!authorized(exchange)) {
            recorder.unauthorized();
            exchange.reply(401, Replies.error("Unauthorized"));
            return;
        }
        Optional<RouteMatch> match = RouteMatch.of(path.substring(basePath.length()));
        if (match.isEmpty()) {
            exchange.reply(404, Replies.error("Not found"));
            return;
        }
        if (!match.get().route().method().equals(exchange.method())) {
            exchange.reply(405, Replies.error("Method not allowed"));
            return;
        }
        route(exchange, match.get());
    }

    private boolean authorized(FakeExchange exchange) {
        String expected = apiKey;
        return expected == null
                || exchange.header("API_KEY").map(expected::equals).orElse(false);
    }

    private void route(FakeExchange exchange, RouteMatch match) throws IOException, InterruptedException {
        recorder.count(match.route(), match.quizId());
        Faults routeFaults = faults.get(match.route());
        routeFaults.delay();
        if (match.route() == BackendRoute.SAVE) {
            saves.handle(exchange, match, routeFaults.shouldFail());
        } else if (routeFaults.shouldFail()) {
            exchange.reply(500, Replies.error(match.route().failureMessage()));
        } else {
            read(exchange, match);
        }
    }

    private void read(FakeExchange exchange, RouteMatch match) throws IOException {
        String quizId = match.quizId();
        switch (match.route()) {
            case QUIZ -> found(exchange, store.quiz(quizId), "quiz", "Quiz not found");
            case QUESTIONS -> exchange.reply(200, wrap("data", store.questions(quizId)));
            case QUESTION -> found(exchange, store.question(quizId, match.itemId()), "data", "Question not found");
            case SETTINGS -> found(exchange, store.settings(quizId), null, "Settings not found");
            case STUDENTS -> exchange.replyRaw(200, store.responsesJson(quizId), "application/json");
            case STUDENT -> foundRaw(exchange, student(quizId, match.itemId()), "Quiz response not found");
            case SAVE -> throw new IllegalStateException("save is not a read");
        }
    }

    /** The single-row answer as stored bytes: the worker reads one per student, so it is not serialized per read. */
    private Optional<List<byte[]>> student(String quizId, String studentId) {
        return studentsAnswering404.contains(studentId) ? Optional.empty() : store.responseJson(quizId, studentId);
    }

    private static void foundRaw(FakeExchange exchange, Optional<List<byte[]>> json, String notFound)
            throws IOException {
        if (json.isEmpty()) {
            exchange.reply(404, Replies.error(notFound));
        } else {
            exchange.replyRaw(200, json.get(), "application/json");
        }
    }

    /** 200 with the value (wrapped under {@code key} unless null) or 404 with {@code notFound}. */
    private static void found(FakeExchange exchange, Optional<JsonNode> value, String key, String notFound)
            throws IOException {
        if (value.isEmpty()) {
            exchange.reply(404, Replies.error(notFound));
        } else {
            exchange.reply(200, key == null ? value.get() : wrap(key, value.get()));
        }
    }

    private static Map<String, Object> wrap(String key, Object value) {
        return Map.of(key, value);
    }
}
