package io.evalify.api.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.evalify.api.TestProperties;
import io.evalify.api.config.ApiProperties;
import io.evalify.api.view.JobViews;
import io.evalify.core.job.JobRetention;
import io.evalify.core.job.JobStore;
import io.evalify.core.job.NewJob;
import io.evalify.core.job.TaskOutcome;
import io.evalify.core.testing.LocalRedis;
import io.evalify.schemas.Json;
import io.evalify.schemas.SchemaName;
import io.evalify.schemas.SchemaValidator;
import io.evalify.schemas.job.CallbackStatus;
import io.evalify.schemas.task.TaskLane;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Completion callbacks as Standard Webhooks, against a real Redis and a real HTTP receiver. The Redis is this
 * class's own: an application context another test left running would otherwise dispatch these callbacks too.
 */
class CallbackDispatcherTest {

    private static LocalRedis redis;

    private final JobStore jobs = new JobStore(redis.template(), JobRetention.DEFAULT, Clock.systemUTC());
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failuresToServe = new AtomicInteger();
    private volatile int failureStatus = 500;
    private HttpServer receiver;

    @BeforeAll
    static void startRedis() {
        redis = LocalRedis.startOwn();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            var headers = exchange.getRequestHeaders();
            received.add(new Received(
                    exchange.getRequestBody().readAllBytes(),
                    Map.of(
                            "webhook-id", String.valueOf(headers.getFirst("webhook-id")),
                            "webhook-timestamp", String.valueOf(headers.getFirst("webhook-timestamp")),
                            "webhook-signature", String.valueOf(headers.getFirst("webhook-signature"))),
                    headers.getFirst(CallbackSender.ATTEMPT_HEADER)));
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
    void shouldPostTheFinalStatusOnceAsAStandardWebhookTheReceiverVerifies() {
        var jobId = finishedJobWithCallback();
        var dispatcher = dispatcher(5);
        dispatcher.dispatch();
        await().until(() -> jobs.callbackStatus(jobId).isPresent());
        dispatcher.dispatch();

        assertThat(jobs.callbackStatus(jobId)).contains("delivered");
        var delivery = deliveriesOf(jobId);
        assertThat(delivery).hasSize(1);
        var first = delivery.getFirst();
        assertThat(new WebhookVerifier(TestProperties.CALLBACK_SECRET, Clock.systemUTC())
                        .verify(first.headers(), first.body()))
                .isEqualTo("ok");
        assertThat(first.headers().get("webhook-id"))
                .startsWith("job_" + jobId + "_")
                .doesNotContain(".");
        assertThat(Long.parseLong(first.headers().get("webhook-timestamp")))
                .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        var json = new String(first.body(), StandardCharsets.UTF_8);
        assertThat(new SchemaValidator().validate(SchemaName.JOB_STATUS, json)).isEmpty();
        assertThat(Json.mapper().readTree(json).path("status").asString()).isEqualTo("COMPLETED");
        assertThat(json).doesNotContain("\"callback\"");
        assertThat(jobs.pendingCallbacks(100_000)).doesNotContain(jobId);
    }

    @Test
    void shouldBeRefusedByTheReceiverWhenACapturedDeliveryIsReplayedLater() {
        var jobId = finishedJobWithCallback();
        dispatcher(5).dispatch();
        await().until(() -> jobs.callbackStatus(jobId).isPresent());
        var captured = deliveriesOf(jobId).getFirst();
        var sixMinutesLater = Clock.fixed(Instant.now().plus(Duration.ofMinutes(6)), ZoneOffset.UTC);

        assertThat(new WebhookVerifier(TestProperties.CALLBACK_SECRET, sixMinutesLater)
                        .verify(captured.headers(), captured.body()))
                .isEqualTo("timestamp outside tolerance");
        var restamped = Map.of(
                "webhook-id", captured.headers().get("webhook-id"),
                "webhook-timestamp", String.valueOf(sixMinutesLater.instant().getEpochSecond()),
                "webhook-signature", captured.headers().get("webhook-signature"));
        assertThat(new WebhookVerifier(TestProperties.CALLBACK_SECRET, sixMinutesLater)
                        .verify(restamped, captured.body()))
                .isEqualTo("no matching signature");
    }

    @Test
    void shouldWaitUntilTheJobIsFinished() {
        var jobId = jobWithCallback(2);
        var dispatcher = dispatcher(5);
        dispatcher.dispatch();
        assertThat(jobs.pendingCallbacks(100_000)).contains(jobId);
        assertThat(deliveriesOf(jobId)).isEmpty();

        jobs.recordOutcome(jobId, "s1", TaskOutcome.SUCCEEDED, null);
        jobs.recordOutcome(jobId, "s2", TaskOutcome.FAILED, "{}");
        dispatcher.dispatch();
        await().until(() -> jobs.callbackStatus(jobId).isPresent());
        var json = new String(deliveriesOf(jobId).getFirst().body(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"status\":\"COMPLETED_WITH_ERRORS\"").contains("1 student failed");
    }

    @Test
    void shouldRetryAServerErrorWithBackoffUnderTheSameIdAndThenDeliver() {
        failuresToServe.set(2);
        var jobId = finishedJobWithCallback();
        var dispatcher = dispatcher(5);
        await().until(() -> {
            dispatcher.dispatch();
            return jobs.callbackStatus(jobId).isPresent();
        });
        assertThat(jobs.callbackStatus(jobId)).contains("delivered");
        var deliveries = deliveriesOf(jobId);
        assertThat(deliveries).extracting(Received::attempt).containsExactly("1", "2", "3");
        assertThat(deliveries)
                .extracting(r -> r.headers().get("webhook-id"))
                .containsOnly(deliveries.getFirst().headers().get("webhook-id"));
        assertThat(jobs.find(jobId).orElseThrow().callback().attempts()).isEqualTo(3);
    }

    @Test
    void shouldShowTheNextAttemptWhileRetryingAndNotSendBeforeIt() {
        failuresToServe.set(100);
        var jobId = finishedJobWithCallback();
        var dispatcher = dispatcher(5, Duration.ofHours(1));
        dispatcher.dispatch();
        await().until(() -> jobs.find(jobId).orElseThrow().callback().status() == CallbackStatus.RETRYING);
        dispatcher.dispatch();

        var callback = statusOf(jobId).callback();
        assertThat(callback.status()).isEqualTo(CallbackStatus.RETRYING);
        assertThat(callback.attempts()).isEqualTo(1);
        assertThat(callback.lastError()).isEqualTo("HTTP 500");
        assertThat(callback.nextAttemptAt()).isAfter(Instant.now().plus(Duration.ofMinutes(30)));
        assertThat(deliveriesOf(jobId)).hasSize(1);
        assertThat(jobs.pendingCallbacks(100_000)).contains(jobId);
    }

    @Test
    void shouldEndInTheDeadEndAfterTheLastAttemptAndShowItInTheJobStatus() {
        failuresToServe.set(100);
        var jobId = finishedJobWithCallback();
        var dispatcher = dispatcher(3);
        await().until(() -> {
            dispatcher.dispatch();
            return jobs.callbackStatus(jobId).isPresent();
        });
        assertThat(jobs.callbackStatus(jobId)).contains("failed");
        assertThat(deliveriesOf(jobId)).hasSize(3);
        assertThat(jobs.pendingCallbacks(100_000)).doesNotContain(jobId);

        var status = statusOf(jobId);
        assertThat(status.callback().status()).isEqualTo(CallbackStatus.FAILED);
        assertThat(status.callback().attempts()).isEqualTo(3);
        assertThat(status.callback().lastError()).isEqualTo("HTTP 500");
        assertThat(status.callback().nextAttemptAt()).isNull();
        assertThat(status.callback().settledAt()).isNotNull();
        var json = Json.mapper().writeValueAsString(status);
        assertThat(new SchemaValidator().validate(SchemaName.JOB_STATUS, json)).isEmpty();
        assertThat(json).contains("\"callback\":{\"status\":\"failed\"");
    }

    @Test
    void shouldNotRetryARefusal() {
        failuresToServe.set(100);
        failureStatus = 410;
        var jobId = finishedJobWithCallback();
        dispatcher(5).dispatch();
        await().until(() -> jobs.callbackStatus(jobId).isPresent());
        assertThat(jobs.callbackStatus(jobId)).contains("failed");
        assertThat(deliveriesOf(jobId)).hasSize(1);
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
        assertThat(statusOf(jobId).callback().attempts()).isZero();
        assertThat(deliveriesOf(jobId)).isEmpty();
    }

    @Test
    void shouldSendNothingToAnotherPortOfAnAllowedHost() {
        var jobId = finishedJobWithCallback();
        var portless = TestProperties.withCallbackHosts(List.of(TestProperties.CALLBACK_HOST));
        var dispatcher = new CallbackDispatcher(
                jobs, new CallbackSender(portless, new CallbackPolicy(portless)), portless, Clock.systemUTC());
        dispatcher.dispatch();
        await().until(() -> jobs.callbackStatus(jobId).isPresent());
        assertThat(jobs.callbackStatus(jobId)).contains("failed");
        assertThat(deliveriesOf(jobId)).isEmpty();
    }

    @Test
    void shouldDeliverAFinishedJobsCallbackBehindMoreThanAHundredRunningOnes() {
        var running = IntStream.range(0, 150).mapToObj(i -> jobWithCallback(1)).toList();
        var jobId = finishedJobWithCallback();
        dispatcher(5).dispatch();
        await().until(() -> jobs.callbackStatus(jobId).isPresent());
        assertThat(jobs.callbackStatus(jobId)).contains("delivered");
        assertThat(jobs.pendingCallbacks(100_000)).containsAll(running);
    }

    @Test
    void shouldReachEveryPendingCallbackWhenOnePollLooksAtFewerThanArePending() {
        IntStream.range(0, 120).forEach(i -> jobWithCallback(1));
        var jobId = finishedJobWithCallback();
        var properties = TestProperties.withCallbacks(List.of(receiverHost()), 5, Duration.ofMillis(20), 50, List.of());
        var dispatcher = new CallbackDispatcher(
                jobs, new CallbackSender(properties, new CallbackPolicy(properties)), properties, Clock.systemUTC());
        await().until(() -> {
            dispatcher.dispatch();
            return jobs.callbackStatus(jobId).isPresent();
        });
        assertThat(jobs.callbackStatus(jobId)).contains("delivered");
    }

    @Test
    void shouldDeliverOnceWhenSeveralInstancesDispatch() {
        var jobId = finishedJobWithCallback();
        var instances = List.of(dispatcher(5), dispatcher(5), dispatcher(5));
        instances.parallelStream().forEach(CallbackDispatcher::dispatch);
        await().until(() -> jobs.callbackStatus(jobId).isPresent());
        instances.forEach(CallbackDispatcher::dispatch);
        assertThat(deliveriesOf(jobId)).hasSize(1);
    }

    private io.evalify.schemas.job.JobStatusResponse statusOf(String jobId) {
        return JobViews.statusOf(jobs.find(jobId).orElseThrow(), Instant.now());
    }

    private List<Received> deliveriesOf(String jobId) {
        return received.stream().filter(r -> r.isFor(jobId)).toList();
    }

    private CallbackDispatcher dispatcher(int attempts) {
        return dispatcher(attempts, Duration.ofMillis(20));
    }

    private CallbackDispatcher dispatcher(int attempts, Duration backoff) {
        ApiProperties properties =
                TestProperties.withCallbacks(List.of(receiverHost()), attempts, backoff, 10_000, List.of());
        return new CallbackDispatcher(
                jobs, new CallbackSender(properties, new CallbackPolicy(properties)), properties, Clock.systemUTC());
    }

    private String receiverHost() {
        return TestProperties.CALLBACK_HOST + ":" + receiver.getAddress().getPort();
    }

    private String finishedJobWithCallback() {
        var jobId = jobWithCallback(1);
        jobs.recordOutcome(jobId, "s1", TaskOutcome.SUCCEEDED, null);
        return jobId;
    }

    private String jobWithCallback(int students) {
        var jobId = UUID.randomUUID().toString();
        var ids = IntStream.rangeClosed(1, students).mapToObj(i -> "s" + i).toList();
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
    private record Received(byte[] body, Map<String, String> headers, String attempt) {
        boolean isFor(String jobId) {
            return new String(body, StandardCharsets.UTF_8).contains(jobId);
        }
    }
}
