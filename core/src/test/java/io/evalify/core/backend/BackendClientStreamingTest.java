package io.evalify.core.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import io.evalify.fakes.backend.BackendRoute;
import io.evalify.fakes.backend.FakeBackend;
import io.evalify.fakes.backend.GeneratedQuizSpec;
import io.evalify.schemas.backend.ResponseStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackendClientStreamingTest {

    private static final String QUIZ = "c0000000-0000-4000-8000-000000000001";

    private final FakeBackend backend = new FakeBackend().start();
    /** Holds a stalling handler until the test is over. */
    private final CountDownLatch testOver = new CountDownLatch(1);

    private HttpServer odd;

    @AfterEach
    void stop() {
        testOver.countDown();
        backend.close();
        if (odd != null) {
            odd.stop(0);
        }
    }

    @Test
    void shouldReadTheStatusColumnsOfEveryRowOfALargeQuiz() {
        backend.generateQuiz(GeneratedQuizSpec.builder(QUIZ)
                .students(3_000)
                .questions(20)
                .notSubmitted(100)
                .seed(3)
                .build());

        var rows = client(backend.baseUrl()).responseStatuses(QUIZ);

        assertThat(rows).hasSize(3_000);
        assertThat(rows.stream().filter(ResponseStatus::isSubmitted)).hasSize(2_900);
        assertThat(rows.stream().map(ResponseStatus::studentId))
                .containsExactlyElementsOf(backend.responses(QUIZ).stream()
                        .map(row -> row.path("studentId").asString())
                        .toList());
    }

    @Test
    void shouldReadSeveralListsOverTheSameClient() {
        backend.generateQuiz(
                GeneratedQuizSpec.builder(QUIZ).students(50).seed(3).build());
        var client = client(backend.baseUrl());

        for (int i = 0; i < 5; i++) {
            assertThat(client.responseStatuses(QUIZ)).hasSize(50);
        }
        assertThat(backend.requestCount(BackendRoute.STUDENTS, QUIZ)).isEqualTo(5);
    }

    @Test
    void shouldRetryAServerErrorAndThenReportIt() {
        backend.faults(BackendRoute.STUDENTS).error500Rate(1.0);

        assertThatThrownBy(() -> client(backend.baseUrl()).responseStatuses(QUIZ))
                .isInstanceOfSatisfying(
                        BackendException.class, e -> assertThat(e.status()).isEqualTo(500));
        assertThat(backend.requestCount(BackendRoute.STUDENTS)).isEqualTo(3); // 1 + 2 transport retries
    }

    @Test
    void shouldNotRetryAnAnswerOfTheWrongShape() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        String url = serve("{\"responses\": 5}", requests);

        assertThatThrownBy(() -> client(url).responseStatuses(QUIZ))
                .isInstanceOfSatisfying(
                        BackendException.class, e -> assertThat(e.status()).isEqualTo(200))
                .hasMessageContaining("unexpected answer shape");
        assertThat(requests).hasValue(1);
    }

    @Test
    void shouldGiveUpOnABackendThatDoesNotAnswerWithinTheRequestTimeout() {
        backend.generateQuiz(GeneratedQuizSpec.builder(QUIZ).students(1).seed(3).build());
        String student = backend.responses(QUIZ).getFirst().path("studentId").asString();
        backend.faults(BackendRoute.STUDENT).hang(Duration.ofSeconds(10));
        var tries = new CopyOnWriteArrayList<Integer>();
        var client = new BackendClient(
                properties(backend.baseUrl(), Duration.ofMillis(300)), (route, status, elapsed) -> tries.add(status));

        assertTimeoutPreemptively(
                Duration.ofSeconds(9), // three tries of 300 ms, with room for a busy machine; one stall is 10 s
                () -> assertThatThrownBy(() -> client.response(QUIZ, student))
                        .isInstanceOfSatisfying(
                                BackendException.class,
                                e -> assertThat(e.status()).isZero()));
        // 1 + 2 transport retries, each given up without an answer. Counted by the client: on a busy machine a
        // 300 ms call can time out before the fake has even read it.
        assertThat(tries).containsExactly(0, 0, 0);
    }

    @Test
    void shouldGiveUpOnAListWhoseBodyStallsMidway() throws IOException {
        odd = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        odd.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 1_000);
            exchange.getResponseBody().write("{\"responses\": [".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            awaitQuietly(testOver, Duration.ofSeconds(5)); // the rest never comes while the test runs
            exchange.close();
        });
        odd.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        odd.start();
        String url = "http://127.0.0.1:" + odd.getAddress().getPort() + "/api/utils";

        assertTimeoutPreemptively(
                Duration.ofSeconds(4), // three tries of 300 ms, far below one 5 s stall
                () -> assertThatThrownBy(
                                () -> client(url, Duration.ofMillis(300)).responseStatuses(QUIZ))
                        .isInstanceOfSatisfying(
                                BackendException.class,
                                e -> assertThat(e.status()).isZero()));
    }

    private static void awaitQuietly(CountDownLatch latch, Duration atMost) {
        try {
            latch.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static BackendClient client(String baseUrl) {
        return client(baseUrl, Duration.ofSeconds(10));
    }

    private static BackendClient client(String baseUrl, Duration requestTimeout) {
        return new BackendClient(properties(baseUrl, requestTimeout));
    }

    private static BackendProperties properties(String baseUrl, Duration requestTimeout) {
        return new BackendProperties(
                baseUrl,
                FakeBackend.DEFAULT_API_KEY,
                Duration.ofSeconds(2),
                requestTimeout,
                2,
                Duration.ofMillis(10),
                8,
                Duration.ofSeconds(4));
    }

    /** A server that answers every request with {@code body}, counting them. */
    private String serve(String body, AtomicInteger requests) throws IOException {
        odd = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        odd.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        odd.start();
        return "http://127.0.0.1:" + odd.getAddress().getPort() + "/api/utils";
    }
}
