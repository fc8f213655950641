package io.evalify.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.evalify.api.callback.WebhookVerifier;
import io.evalify.core.job.JobStore;
import io.evalify.core.job.TaskOutcome;
import io.evalify.fakes.backend.GeneratedQuizSpec;
import io.evalify.schemas.Json;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A job walked through the real API over HTTP, on the real broker and Redis: create (tasks on the topic), follow
 * its event stream, cancel it, let the worker's bookkeeping account for the skipped tasks, list it, read it through
 * the old evaluator's endpoint, and receive its signed completion callback. No worker runs: the test records the
 * outcomes a worker records for the queued tasks of a cancelled job.
 */
class JobApiIntegrationTest extends FullStackTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final Queue<Callback> callbacks = new ConcurrentLinkedQueue<>();

    @LocalServerPort
    private int port;

    @Autowired
    private JobStore jobs;

    @BeforeEach
    void receiveCallbacks() {
        CALLBACK_RECEIVER.createContext("/done", exchange -> {
            var headers = exchange.getRequestHeaders();
            callbacks.add(new Callback(
                    exchange.getRequestBody().readAllBytes(),
                    Map.of(
                            "webhook-id", String.valueOf(headers.getFirst("webhook-id")),
                            "webhook-timestamp", String.valueOf(headers.getFirst("webhook-timestamp")),
                            "webhook-signature", String.valueOf(headers.getFirst("webhook-signature")))));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
    }

    @AfterEach
    void stopReceivingCallbacks() {
        CALLBACK_RECEIVER.removeContext("/done");
    }

    @Test
    void shouldWalkAJobThroughCreateEventsCancelAndList() throws Exception {
        var quiz = UUID.randomUUID().toString();
        BACKEND.generateQuiz(GeneratedQuizSpec.builder(quiz)
                .students(3)
                .questions(2)
                .types("MCQ")
                .build());
        long tasksBefore = taskRecords();

        var created = post(
                "/api/v1/jobs/evaluation",
                "{\"quiz_id\":\"" + quiz + "\",\"config\":{\"callback_url\":\"" + "http://127.0.0.1:"
                        + CALLBACK_RECEIVER.getAddress().getPort() + "/done\"}}");
        assertThat(created.statusCode()).isEqualTo(202);
        var jobId = json(created).path("job_id").asString();
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/jobs/evaluation/" + jobId);
        assertThat(taskRecords() - tasksBefore).isEqualTo(3);

        var events = new EventStream(jobId);
        await().until(() -> events.names().contains("progress"));
        assertThat(events.data().getFirst()).contains("\"status\":\"QUEUED\"");

        var cancelled = post("/api/v1/jobs/evaluation/" + jobId + "/cancel", "");
        assertThat(cancelled.statusCode()).isEqualTo(202);
        assertThat(json(cancelled).path("status").asString()).isEqualTo("CANCELLING");
        await().until(() -> events.data().stream().anyMatch(d -> d.contains("\"status\":\"CANCELLING\"")));
        assertThat(json(get("/api/v1/evaluations/" + quiz + "/progress"))
                        .path("status")
                        .asString())
                .isEqualTo("RUNNING");

        // What the worker records for each task it skips because the job is cancelling.
        students(quiz).forEach(s -> jobs.recordOutcome(jobId, s, TaskOutcome.CANCELLED, null));
        await().atMost(Duration.ofSeconds(10)).until(events::ended);
        assertThat(events.names()).last().isEqualTo("done");
        assertThat(events.data().getLast()).contains("\"status\":\"CANCELLED\"").contains("\"cancelled\":3");

        var listed = json(get("/api/v1/jobs/evaluation?quiz_id=" + quiz));
        assertThat(listed.path("jobs").get(0).path("job_id").asString()).isEqualTo(jobId);
        assertThat(listed.path("jobs").get(0).path("status").asString()).isEqualTo("CANCELLED");
        var byStatus = json(get("/api/v1/jobs/evaluation?status=CANCELLED&size=100"));
        assertThat(byStatus.path("jobs").valueStream().map(j -> j.path("job_id").asString()))
                .contains(jobId);

        var progress = json(get("/api/v1/evaluations/" + quiz + "/progress"));
        assertThat(progress.path("status").asString()).isEqualTo("FAILED");
        assertThat(progress.path("students_finished").asInt()).isEqualTo(3);
        assertThat(progress.path("job_id").asString()).isEqualTo(jobId);

        await().atMost(Duration.ofSeconds(10)).until(() -> !callbacks.isEmpty());
        var callback = callbacks.peek();
        assertThat(new WebhookVerifier(CALLBACK_SECRET, Clock.systemUTC()).verify(callback.headers(), callback.body()))
                .isEqualTo("ok");
        assertThat(new String(callback.body(), StandardCharsets.UTF_8)).contains("\"status\":\"CANCELLED\"");

        // Nothing failed, so a requeue is a no-op (200) whatever the job's status, like RQ's empty registry.
        assertThat(post("/api/v1/jobs/evaluation/" + jobId + "/retry-failed", "")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void shouldUseTheStudentIdsOfTheOldEndpointAndReportProgress() throws Exception {
        var quiz = UUID.randomUUID().toString();
        BACKEND.generateQuiz(GeneratedQuizSpec.builder(quiz)
                .students(4)
                .questions(1)
                .types("MCQ")
                .build());
        var started = post(
                "/api/v1/evaluations",
                "{\"quiz_id\":\"" + quiz + "\",\"student_ids\":[\""
                        + students(quiz).get(1) + "\",\"" + UUID.randomUUID() + "\"],\"extra\":1}");
        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(json(started))
                .isEqualTo(Json.mapper()
                        .readTree("{\"quiz_id\":\"" + quiz + "\",\"status\":\"QUEUED\",\"progress_url\":"
                                + "\"/api/v1/evaluations/" + quiz + "/progress\"}"));
        var progress = json(get("/api/v1/evaluations/" + quiz + "/progress"));
        assertThat(progress.path("total_students").asInt()).isEqualTo(1);
        assertThat(progress.path("created_at").asString()).endsWith("Z");
        var again = post("/api/v1/evaluations", "{\"quiz_id\":\"" + quiz + "\"}");
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(json(get("/api/v1/evaluations/" + quiz + "/progress")).path("job_id"))
                .isEqualTo(progress.path("job_id"));
    }

    @Test
    void shouldAnswerARetryWhoseKeysAreReorderedWithTheSameJob() throws Exception {
        var quiz = UUID.randomUUID().toString();
        BACKEND.generateQuiz(GeneratedQuizSpec.builder(quiz)
                .students(2)
                .questions(1)
                .types("MCQ")
                .build());
        var key = "retry-" + UUID.randomUUID();
        var first = post(
                "/api/v1/jobs/evaluation",
                "{\"quiz_id\":\"" + quiz + "\",\"config\":{\"override_evaluated\":true,\"force\":false}}",
                key);
        var retry = post(
                "/api/v1/jobs/evaluation",
                "{\"config\":{\"force\":false,\"override_evaluated\":true},\"quiz_id\":\"" + quiz + "\"}",
                key);
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(json(retry).path("job_id")).isEqualTo(json(first).path("job_id"));
    }

    @Test
    void shouldRefuseAChunkedBodyOverTheLimitWith413() throws Exception {
        var prefix = new ByteArrayInputStream("{\"quiz_id\":\"q\",\"x\":\"".getBytes(StandardCharsets.UTF_8));
        var filler = new ByteArrayInputStream(new byte[70 * 1024]);
        var request = HttpRequest.newBuilder(uri("/api/v1/jobs/evaluation"))
                .header("API_KEY", API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(prefix, filler)))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(Json.mapper().readTree(response.body()).path("type").asString())
                .isEqualTo("https://evalify.io/problems/payload-too-large");
    }

    private static List<String> students(String quiz) {
        return BACKEND.responses(quiz).stream()
                .map(row -> row.path("studentId").asString())
                .toList();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return post(path, body, null);
    }

    private HttpResponse<String> post(String path, String body, String idempotencyKey) throws Exception {
        var request = HttpRequest.newBuilder(uri(path))
                .header("API_KEY", API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        var request = HttpRequest.newBuilder(uri(path))
                .header("API_KEY", API_KEY)
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return Json.mapper().readTree(response.body());
    }

    private record Callback(byte[] body, Map<String, String> headers) {}

    /** Reads a job's Server-Sent Events over a real connection, on a virtual thread. */
    private final class EventStream {

        private final Queue<String> names = new ConcurrentLinkedQueue<>();
        private final Queue<String> data = new ConcurrentLinkedQueue<>();
        private volatile boolean ended;

        EventStream(String jobId) {
            var request = HttpRequest.newBuilder(uri("/api/v1/jobs/evaluation/" + jobId + "/events"))
                    .header("API_KEY", API_KEY)
                    .header("Accept", "text/event-stream")
                    .GET()
                    .build();
            Thread.ofVirtual().start(() -> read(request));
        }

        private void read(HttpRequest request) {
            try {
                var response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.startsWith("event:")) {
                            names.add(line.substring(6));
                        } else if (line.startsWith("data:")) {
                            data.add(line.substring(5));
                        }
                    }
                }
            } catch (IOException e) {
                data.add("error: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                ended = true;
            }
        }

        List<String> names() {
            return List.copyOf(names);
        }

        List<String> data() {
            return List.copyOf(data);
        }

        boolean ended() {
            return ended;
        }
    }
}
