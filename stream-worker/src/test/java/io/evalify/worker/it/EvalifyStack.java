package io.evalify.worker.it;

import static org.awaitility.Awaitility.await;

import io.evalify.api.ApiApplication;
import io.evalify.core.job.JobRetention;
import io.evalify.core.job.JobStore;
import io.evalify.core.testing.LocalRedis;
import io.evalify.fakes.backend.FakeBackend;
import io.evalify.fakes.judge0.FakeJudge0;
import io.evalify.fakes.llm.FakeLlm;
import io.evalify.schemas.Json;
import io.evalify.schemas.job.JobStatus;
import io.evalify.schemas.job.JobStatusResponse;
import io.evalify.worker.WorkerApplication;
import io.evalify.worker.lane.LaneConsumers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;

/**
 * The whole system in one JVM for integration tests: a real KRaft broker, a real redis-server, the fakes on
 * real sockets, the API and the worker as separate Spring applications. Each stack has its own broker, so
 * tests never see each other's records.
 */
public final class EvalifyStack implements AutoCloseable {

    /** The key callers send to the API in tests. */
    public static final String API_KEY = "test-api-key";

    /** The key the worker's management endpoints require in tests. */
    public static final String MANAGEMENT_KEY = "test-management-key";

    /** The in-JVM broker this stack owns, or null when it runs on a broker the test owns. */
    private final EmbeddedKafkaKraftBroker broker;

    private final String bootstrapServers;
    private final FakeBackend backend;
    private final FakeLlm llm;
    private final FakeJudge0 judge0;
    private final ConfigurableApplicationContext api;
    private final String workerId = UUID.randomUUID().toString();
    private final Map<String, Object> workerOverrides;
    private final HttpClient http = HttpClient.newHttpClient();
    private ConfigurableApplicationContext worker;
    private boolean closed;

    private EvalifyStack(Map<String, Object> workerOverrides) {
        this(ownBroker(), null, workerOverrides);
    }

    private EvalifyStack(
            EmbeddedKafkaKraftBroker broker, String bootstrapServers, Map<String, Object> workerOverrides) {
        this.workerOverrides = workerOverrides;
        this.broker = broker;
        this.bootstrapServers = broker != null ? broker.getBrokersAsString() : bootstrapServers;
        backend = new FakeBackend();
        backend.start();
        llm = new FakeLlm();
        llm.start();
        judge0 = new FakeJudge0();
        judge0.start();
        api = new SpringApplicationBuilder(ApiApplication.class).run(args(apiProperties()));
        worker = startWorker(Map.of());
    }

    /** Starts a stack with default settings. */
    public static EvalifyStack start() {
        return new EvalifyStack(Map.of());
    }

    /**
     * Starts a stack on a broker the test owns (a {@code LocalKafka} it freezes, kills and restarts); closing the
     * stack leaves that broker alone. The worker takes {@code overrides} (e.g. shorter client time-outs).
     */
    public static EvalifyStack onBroker(String bootstrapServers, Map<String, Object> overrides) {
        return new EvalifyStack(null, bootstrapServers, overrides);
    }

    private static EmbeddedKafkaKraftBroker ownBroker() {
        var broker = new EmbeddedKafkaKraftBroker(1, 12);
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        return broker;
    }

    /** Starts a stack whose worker takes extra properties (e.g. shorter retries). */
    public static EvalifyStack start(Map<String, Object> workerOverrides) {
        return new EvalifyStack(workerOverrides);
    }

    /** The fake Evalify backend. */
    public FakeBackend backend() {
        return backend;
    }

    /** The fake LLM. */
    public FakeLlm llm() {
        return llm;
    }

    /** The fake Judge0. */
    public FakeJudge0 judge0() {
        return judge0;
    }

    /** A store over the same Redis, for assertions. */
    public JobStore jobs() {
        return new JobStore(LocalRedis.shared().template(), JobRetention.DEFAULT, Clock.systemUTC());
    }

    /** The broker's bootstrap servers. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** POSTs {@code body} to the API path and returns status and parsed body. */
    public ApiResponse post(String path, String body) {
        var request = HttpRequest.newBuilder(URI.create(apiUrl() + path))
                .header("API_KEY", API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return send(request);
    }

    /** GETs an API path. */
    public ApiResponse get(String path) {
        return send(HttpRequest.newBuilder(URI.create(apiUrl() + path))
                .header("API_KEY", API_KEY)
                .GET()
                .build());
    }

    /** The quiz id (a uuid, as the API requires) that a test names {@code name}. */
    public static String quizId(String name) {
        return UUID.nameUUIDFromBytes(("quiz:" + name).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** Submits a job for a quiz with an optional raw filters/config JSON, returning the job id. */
    public String submit(String quizId) {
        var response = post("/api/v1/jobs/evaluation", "{\"quiz_id\":\"" + quizId + "\"}");
        if (response.status() != 202) {
            throw new AssertionError("submit failed: " + response);
        }
        return response.body().path("job_id").asString();
    }

    /** The job's status as the API reports it. */
    public JobStatusResponse status(String jobId) {
        return Json.mapper().treeToValue(get("/api/v1/jobs/evaluation/" + jobId).body(), JobStatusResponse.class);
    }

    /** Waits until the job reaches {@code expected}. */
    public JobStatusResponse awaitStatus(String jobId, JobStatus expected, Duration timeout) {
        return await().atMost(timeout)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> status(jobId), s -> s.status() == expected);
    }

    /** GETs a path of the worker's own web server (actuator) with the management key. */
    public ApiResponseText getWorker(String path) {
        return getWorker(path, "Bearer " + MANAGEMENT_KEY);
    }

    /** GETs a path of the worker's own web server with {@code authorization} (null: none). */
    public ApiResponseText getWorker(String path, String authorization) {
        var url = "http://127.0.0.1:" + worker.getEnvironment().getProperty("local.server.port") + path;
        var request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResponseText(response.statusCode(), response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A bean of the running worker, to check how the application wired it. */
    public <T> T workerBean(Class<T> type) {
        return worker.getBean(type);
    }

    /** The worker's lanes, to stop them as a crash would. */
    public LaneConsumers lanes() {
        return worker.getBean(LaneConsumers.class);
    }

    /** Kills the worker's lanes without a clean shutdown, then closes its context. */
    public void crashWorker() {
        lanes().abort();
        worker.close();
    }

    /** Stops the worker gracefully. */
    public void stopWorker() {
        worker.close();
    }

    /** Starts a new worker instance with the same groups and application id. */
    public void restartWorker() {
        worker = startWorker(Map.of());
    }

    /** Starts a new worker instance with extra properties. */
    public void restartWorker(Map<String, Object> extra) {
        worker = startWorker(extra);
    }

    /** Stops everything; closing twice is harmless. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (worker.isActive()) {
            worker.close();
        }
        api.close();
        backend.close();
        llm.close();
        judge0.close();
        if (broker != null) {
            broker.destroy();
        }
    }

    /** The API's base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String apiUrl() {
        return "http://127.0.0.1:" + api.getEnvironment().getProperty("local.server.port");
    }

    private ApiResponse send(HttpRequest request) {
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank()
                    ? Json.mapper().nullNode()
                    : Json.mapper().readTree(response.body());
            return new ApiResponse(response.statusCode(), body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ConfigurableApplicationContext startWorker(Map<String, Object> extra) {
        var props = new HashMap<>(commonProperties());
        props.put("spring.application.name", "worker-test");
        props.put("spring.config.name", WorkerApplication.CONFIG_NAME);
        props.put("spring.kafka.streams.application-id", "router-" + workerId);
        props.put(
                "spring.kafka.streams.state-dir",
                Path.of("target", "tmp", "streams-" + UUID.randomUUID())
                        .toAbsolutePath()
                        .toString());
        props.put("spring.kafka.consumer.properties.session.timeout.ms", "6000");
        props.put("spring.kafka.consumer.properties.heartbeat.interval.ms", "1000");
        props.put("spring.kafka.streams.properties.session.timeout.ms", "6000");
        props.put("evalify.worker.group-prefix", "worker-" + workerId);
        props.put("evalify.worker.retry.intervals", "100ms,200ms,300ms");
        props.put("evalify.worker.retry-tick", "50ms");
        props.put("evalify.worker.commit-interval", "200ms");
        props.put("evalify.llm.base-url", llm.rootUrl() + "/v1");
        props.put("evalify.llm.api-key", "fake-llm-key");
        props.put("evalify.llm.model", "fake-model");
        props.put("evalify.judge0.base-url", judge0.rootUrl());
        props.put("evalify.worker.management.key", MANAGEMENT_KEY);
        props.putAll(workerOverrides);
        props.putAll(extra);
        return new SpringApplicationBuilder(WorkerApplication.class).run(args(props));
    }

    /** As command-line arguments, which outrank the applications' own application.yml. */
    private static String[] args(Map<String, Object> props) {
        return props.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }

    private Map<String, Object> apiProperties() {
        var props = new HashMap<>(commonProperties());
        props.put("spring.application.name", "api-test");
        props.put("evalify.api.api-key", API_KEY);
        return props;
    }

    private Map<String, Object> commonProperties() {
        var props = new HashMap<String, Object>();
        props.put("server.port", "0");
        props.put("spring.profiles.active", "test"); // the fakes' default keys are allowed (SecretRules)
        props.put("spring.main.banner-mode", "off");
        props.put("spring.kafka.bootstrap-servers", bootstrapServers);
        props.put("spring.data.redis.host", "127.0.0.1");
        props.put("spring.data.redis.port", String.valueOf(LocalRedis.shared().port()));
        props.put("evalify.backend.base-url", backend.baseUrl());
        props.put("evalify.backend.api-key", "evalify_api_key");
        props.put("logging.level.org.apache.kafka", "WARN");
        props.put("logging.level.kafka", "WARN");
        props.put("logging.level.state.change.logger", "WARN");
        props.put("logging.level.org.springframework.kafka", "WARN");
        return props;
    }

    /**
     * An API answer.
     *
     * @param status HTTP status
     * @param body parsed JSON body
     */
    public record ApiResponse(int status, JsonNode body) {}

    /**
     * A raw text answer.
     *
     * @param status HTTP status
     * @param body body text
     */
    public record ApiResponseText(int status, String body) {}
}
