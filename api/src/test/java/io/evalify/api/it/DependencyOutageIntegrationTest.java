package io.evalify.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.evalify.api.ApiApplication;
import io.evalify.core.job.FailureRecord;
import io.evalify.core.job.JobKeys;
import io.evalify.core.job.JobRetention;
import io.evalify.core.job.JobStore;
import io.evalify.core.job.TaskOutcome;
import io.evalify.core.testing.LocalKafka;
import io.evalify.core.testing.LocalRedis;
import io.evalify.core.topic.Topics;
import io.evalify.fakes.backend.FakeBackend;
import io.evalify.fakes.backend.GeneratedQuizSpec;
import io.evalify.schemas.Json;
import io.evalify.schemas.deadletter.TaskFailure;
import io.evalify.schemas.job.JobStatus;
import io.evalify.schemas.task.TaskEvent;
import io.evalify.schemas.task.TaskLane;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The API while its dependencies are down, on a real broker and a real Redis that the test stops, kills and
 * freezes: every request answers at once with a 503 problem (with {@code Retry-After}), never a hang or a 500, and
 * leaves nothing behind that blocks the quiz: a job whose tasks the broker did not take is FAILED with the broker's
 * reason and its quiz is free, a requeue is undone, a submission Redis did not take publishes nothing.
 */
class DependencyOutageIntegrationTest {

    private static final String API_KEY = "outage-key";

    /** Short, so the test waits little; the client below gives up long before the clients' own 60 s defaults. */
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(3);

    /** How long an answer may take: the publish time-out plus slack for a busy machine, far below the old 62 s. */
    private static final Duration ANSWER_WITHIN = PUBLISH_TIMEOUT.plusSeconds(12);

    private static LocalKafka kafka;
    private static LocalRedis redis;
    private static StringRedisTemplate keys;
    private static FakeBackend backend;
    private static ConfigurableApplicationContext api;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startStack() {
        kafka = LocalKafka.start();
        redis = LocalRedis.startOwn();
        keys = redis.template();
        backend = new FakeBackend().start();
        api = new SpringApplicationBuilder(ApiApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                        "--spring.data.redis.host=127.0.0.1",
                        "--spring.data.redis.port=" + redis.port(),
                        "--spring.data.redis.timeout=1s",
                        "--evalify.api.api-key=" + API_KEY,
                        "--evalify.api.publish-timeout=" + PUBLISH_TIMEOUT.toMillis() + "ms",
                        "--evalify.api.sweep-interval=1h",
                        "--evalify.topics.partitions=3",
                        "--evalify.backend.base-url=" + backend.baseUrl(),
                        "--evalify.backend.api-key=" + FakeBackend.DEFAULT_API_KEY,
                        "--logging.level.org.apache.kafka=ERROR",
                        "--logging.level.org.springframework.kafka=WARN");
    }

    @AfterAll
    static void stopStack() {
        api.close();
        backend.close();
        redis.close();
        kafka.close();
    }

    /** Each test brings back what it took down, so the next one starts from a healthy stack. */
    @AfterEach
    void heal() {
        kafka.ensureRunning();
        redis.ensureRunning();
    }

    @Test
    void shouldAnswer503AndFailTheJobWhenTheBrokerIsDownBeforeTheProducerKnowsTheTopic() throws Exception {
        // Coding tasks go to a topic this API has not sent to: its first send waits for metadata, and Kafka's
        // client throws from send itself once max.block.ms is over (this path used to answer 500 after 62 s).
        var quiz = quiz(2, "CODING");
        kafka.kill();

        var answer = submit(quiz);

        assertBrokerUnavailable(answer);
        var jobId = json(answer).path("job_id").asString();
        assertFailedWithTheBrokersReasonAndQuizFree(jobId, quiz);
    }

    @Test
    void shouldAnswer503AndFailTheJobWhenTheBrokerFreezesAfterEarlierJobs() throws Exception {
        var quiz = quiz(3, "MCQ");
        assertThat(submit(quiz(1, "MCQ")).statusCode()).isEqualTo(202);
        kafka.freeze();

        var answer = submit(quiz);

        assertBrokerUnavailable(answer);
        assertFailedWithTheBrokersReasonAndQuizFree(json(answer).path("job_id").asString(), quiz);
        kafka.thaw();
        long before = taskRecords();
        assertThat(submit(quiz).statusCode())
                .as("the quiz is free and the producer recovered")
                .isEqualTo(202);
        assertThat(taskRecords() - before).isEqualTo(3);
    }

    @Test
    void shouldUndoARequeueAndAnswer503WhenTheBrokerIsDown() throws Exception {
        var quiz = quiz(2, "MCQ");
        var jobId = json(submit(quiz)).path("job_id").asString();
        var students = backend.responses(quiz).stream()
                .map(r -> r.path("studentId").asString())
                .toList();
        var jobs = new JobStore(keys, JobRetention.DEFAULT, Clock.systemUTC());
        // What a worker records: one student graded, one failed for good.
        jobs.recordOutcome(jobId, students.get(0), TaskOutcome.SUCCEEDED, null);
        jobs.recordOutcome(jobId, students.get(1), TaskOutcome.FAILED, failure(jobId, quiz, students.get(1)));
        kafka.freeze();

        var answer = post("/api/v1/jobs/evaluation/" + jobId + "/retry-failed", "");

        assertBrokerUnavailable(answer);
        var job = jobs.find(jobId).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED_WITH_ERRORS);
        assertThat(job.failed()).isEqualTo(1);
        assertThat(jobs.failures(jobId)).containsOnlyKeys(students.get(1));
        assertThat(keys.hasKey(JobKeys.activeJobOfQuiz(quiz))).as("quiz lock").isFalse();
        assertThat(keys.getExpire(JobKeys.job(jobId))).as("the job's TTL").isPositive();
        kafka.thaw();
        assertThat(post("/api/v1/jobs/evaluation/" + jobId + "/retry-failed", "")
                        .statusCode())
                .isEqualTo(202);
        assertThat(jobs.find(jobId).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void shouldAnswer503WithRetryAfterAndPublishNothingWhenRedisIsDown() throws Exception {
        var quiz = quiz(2, "MCQ");
        long before = taskRecords();
        redis.stop();

        var submitted = submit(quiz);
        var read = get("/api/v1/jobs/evaluation/" + UUID.randomUUID());

        for (var answer : List.of(submitted, read)) {
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).contains("5");
            assertThat(json(answer).path("type").asString()).endsWith("/store-unavailable");
        }
        assertThat(taskRecords()).as("tasks published").isEqualTo(before);
        redis.restart();
        // The client reconnects on its own; until then a refused submission still leaves nothing behind.
        await().atMost(Duration.ofSeconds(30)).until(() -> submit(quiz).statusCode() == 202);
    }

    @Test
    void shouldAnswer503WhenRedisIsFrozen() throws Exception {
        redis.freeze();

        var read = get("/api/v1/jobs/evaluation/" + UUID.randomUUID());

        assertThat(read.statusCode()).isEqualTo(503);
        assertThat(read.headers().firstValue("Retry-After")).isPresent();
        redis.thaw();
    }

    private void assertBrokerUnavailable(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(answer.headers().firstValue("Retry-After")).contains("30");
        assertThat(json(answer).path("type").asString()).endsWith("/broker-unavailable");
    }

    private void assertFailedWithTheBrokersReasonAndQuizFree(String jobId, String quiz) {
        var jobs = new JobStore(keys, JobRetention.DEFAULT, Clock.systemUTC());
        var job = jobs.find(jobId).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(keys.<String, String>opsForHash().get(JobKeys.job(jobId), "error"))
                .startsWith("Could not publish tasks: ")
                .containsAnyOf("metadata", "acknowledge", "Expiring", "expired");
        assertThat(keys.hasKey(JobKeys.activeJobOfQuiz(quiz))).as("quiz lock").isFalse();
    }

    private String quiz(int students, String type) {
        var quiz = UUID.randomUUID().toString(); // the API takes backend ids (uuids) only
        backend.generateQuiz(GeneratedQuizSpec.builder(quiz)
                .students(students)
                .questions(1)
                .types(type)
                .build());
        return quiz;
    }

    private static String failure(String jobId, String quiz, String student) {
        var at = Instant.now();
        return new FailureRecord(
                        new TaskEvent(jobId, quiz, student, null, false, TaskLane.OBJECTIVE, 4, at, at),
                        new TaskFailure("BACKEND_NOT_FOUND", "backend answered 404", false, 4, at, at),
                        new FailureRecord.Location(Topics.DEAD_LETTERS.name(), 0, 0))
                .toJson();
    }

    private HttpResponse<String> submit(String quiz) throws Exception {
        return post("/api/v1/jobs/evaluation", "{\"quiz_id\":\"" + quiz + "\"}");
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request the client abandons (failing the test) if the API has not answered within {@link #ANSWER_WITHIN}. */
    private static HttpRequest.Builder request(String path) {
        var port = api.getEnvironment().getProperty("local.server.port");
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(ANSWER_WITHIN)
                .header("API_KEY", API_KEY);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return Json.mapper().readTree(response.body());
    }

    /** Records on the topics tasks are submitted to, over all partitions. */
    private static long taskRecords() {
        var props = Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (var consumer = new KafkaConsumer<String, String>(props)) {
            var partitions = Topics.routerInputs().stream()
                    .flatMap(topic -> consumer.partitionsFor(topic.name()).stream())
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            return consumer.endOffsets(partitions).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }
}
