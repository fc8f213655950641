package io.evalify.api.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.evalify.api.TestProperties;
import io.evalify.api.config.ApiProperties;
import io.evalify.core.job.JobRetention;
import io.evalify.core.job.JobStore;
import io.evalify.core.job.NewJob;
import io.evalify.core.job.TaskOutcome;
import io.evalify.core.testing.LocalRedis;
import io.evalify.schemas.Json;
import io.evalify.schemas.SchemaName;
import io.evalify.schemas.SchemaValidator;
import io.evalify.schemas.task.TaskLane;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Completion callbacks against a real Redis and a real HTTP receiver. */
class CallbackDispatcherTest {

    private final JobStore jobs = new JobStore(LocalRedis.shared().template(), JobRetention.DEFAULT, Clock.systemUTC());
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failuresToServe = new AtomicInteger();
    private volatile int failureStatus = 500;
    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            var body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(
                    body,
                    exchange.getRequestHeaders().getFirst(CallbackSignature.HEADER),
                    exchange.getRequestHeaders().getFirst("X-Evalify-Delivery-Attempt")));
            int status = failuresToServe.getAndDecrement() > 0 ? failureStatus : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void shouldPostTheFinalStatusSignedWithTheSecretOnce() {
        var jobId = finishedJobWithCallback();
        var dispatcher = dispatcher(5);
        dispatcher.dispatch();
        await().until(() -> jobs.callbackStatus(jobId).isPresent());
        dispatcher.dispatch();

        assertThat(jobs.callbackStatus(jobId)).contains("delivered");
        var delivery = received.stream().filter(r -> r.isFor(jobId)).toList();
        assertThat(delivery).hasSize(1);
        var body = delivery.getFirst().body();
        assertThat(delivery.getFirst().signature())
                .isEqualTo(CallbackSignature.sign(TestProperties.CALLBACK_SECRET, body))
                .startsWith("sha256=")
                .hasSize(7 + 64);
        var json = new String(body, StandardCharsets.UTF_8);
        assertThat(new SchemaValidator().validate(SchemaName.JOB_STATUS, json)).isEmpty();
        assertThat(Json.mapper().readTree(json).path("status").asString()).isEqualTo("COMPLETED");
        assertThat(jobs.pendingCallbacks(100_000)).doesNotContain(jobId);
    }

    @Test
    void shouldWaitUntilTheJobIsFinished() {
        var jobId = jobWithCallback(2);
        var dispatcher = dispatcher(5);
        dispatcher.dispatch();
        assertThat(jobs.pendingCallbacks(100_000)).contains(jobId);
        assertThat(received.stream().noneMatch(r -> r.isFor(jobId))).isTrue();

        jobs.recordOutcome(jobId, "s1", TaskOutcome.SUCCEEDED, null);
        jobs.recordOutcome(jobId, "s2", TaskOutcome.FAILED, "{}");
        dispatcher.dispatch();
        await().until(() -> jobs.callbackStatus(jobId).isPresent());
        var json = new String(
                received.stream()
                        .filter(r -> r.isFor(jobId))
                        .findFirst()
                        .orElseThrow()
                        .body(),
                StandardCharsets.UTF_8);
        assertThat(json).contains("\"status\":\"COMPLETED_WITH_ERRORS\"").contains("1 student failed");
    }

    @Test
    void shouldRetryAServerErrorWithBackoffAndThenDeliver() {
        failuresToServe.set(2);
        var jobId = finishedJobWithCallback();
        dispatcher(5).dispatch();
        await().until(() -> jobs.callbackStatus(jobId).isPresent());
        assertThat(jobs.callbackStatus(jobId)).contains("delivered");
        assertThat(received.stream().filter(r -> r.isFor(jobId)).map(Received::attempt))
                .containsExactly("1", "2", "3");
    }

    @Test
    void shouldGiveUpAfterTheLastAttempt() {
        failuresToServe.set(100);
        var jobId = finishedJobWithCallback();
        dispatcher(3).dispatch();
        await().until(() -> jobs.callbackStatus(jobId).isPresent());
        assertThat(jobs.callbackStatus(jobId)).contains("failed");
        assertThat(received.stream().filter(r -> r.isFor(jobId))).hasSize(3);
        assertThat(jobs.pendingCallbacks(100_000)).doesNotContain(jobId);
    }

    @Test
    void shouldNotRetryARefusal() {
        failuresToServe.set(100);
        failureStatus = 410;
        var jobId = finishedJobWithCallback();
        dispatcher(5).dispatch();
        await().until(() -> jobs.callbackStatus(jobId).isPresent());
        assertThat(jobs.callbackStatus(jobId)).contains("failed");
        assertThat(received.stream().filter(r -> r.isFor(jobId))).hasSize(1);
    }

    @Test
    void shouldSendNothingToAHostNoLongerAllowed() {
        var jobId = finishedJobWithCallback();
        var elsewhere = TestProperties.withCallbackHosts(List.of("hooks.example.edu"));
        var dispatcher = new CallbackDispatcher(
                jobs, new CallbackSender(elsewhere, new CallbackPolicy(elsewhere)), elsewhere, Clock.systemUTC());
        dispatcher.dispatch();
        await().until(() -> jobs.callbackStatus(jobId).isPresent());
        assertThat(jobs.callbackStatus(jobId)).contains("failed");
        assertThat(received.stream().filter(r -> r.isFor(jobId))).isEmpty();
    }

    @Test
    void shouldDeliverOnceWhenSeveralInstancesDispatch() {
        var jobId = finishedJobWithCallback();
        var instances = List.of(dispatcher(5), dispatcher(5), dispatcher(5));
        instances.parallelStream().forEach(CallbackDispatcher::dispatch);
        await().until(() -> jobs.callbackStatus(jobId).isPresent());
        instances.forEach(CallbackDispatcher::dispatch);
        assertThat(received.stream().filter(r -> r.isFor(jobId))).hasSize(1);
    }

    private CallbackDispatcher dispatcher(int attempts) {
        ApiProperties properties = TestProperties.withCallbackAttempts(attempts);
        return new CallbackDispatcher(
                jobs, new CallbackSender(properties, new CallbackPolicy(properties)), properties, Clock.systemUTC());
    }

    private String finishedJobWithCallback() {
        var jobId = jobWithCallback(1);
        jobs.recordOutcome(jobId, "s1", TaskOutcome.SUCCEEDED, null);
        return jobId;
    }

    private String jobWithCallback(int students) {
        var jobId = UUID.randomUUID().toString();
        var ids = java.util.stream.IntStream.rangeClosed(1, students)
                .mapToObj(i -> "s" + i)
                .toList();
        var url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook?job=" + jobId;
        jobs.create(
                new NewJob(
                        jobId,
                        "quiz-" + jobId,
                        ids,
                        null,
                        false,
                        TaskLane.OBJECTIVE,
                        Instant.now().plus(Duration.ofHours(1)),
                        url),
                null,
                null,
                false);
        return jobId;
    }

    /** One POST the receiver got. */
    private record Received(byte[] body, String signature, String attempt) {
        boolean isFor(String jobId) {
            return new String(body, StandardCharsets.UTF_8).contains(jobId);
        }
    }
}
