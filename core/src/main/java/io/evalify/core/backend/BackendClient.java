package io.evalify.core.backend;

import io.evalify.schemas.Json;
import io.evalify.schemas.backend.Question;
import io.evalify.schemas.backend.QuizResponse;
import io.evalify.schemas.backend.QuizSettings;
import io.evalify.schemas.backend.ResponseStatus;
import io.evalify.schemas.result.SaveBody;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collector;
import java.util.stream.Collectors;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * The Evalify backend's evaluation routes (docs/BACKEND-CONTRACT.md), over one pooled HTTP client with explicit
 * time-outs. Every failure becomes a {@link BackendException} carrying the status.
 *
 * <p>Calls are blocking OkHttp calls made on the caller's (virtual) thread. The JDK {@code HttpClient} this
 * replaced hands every request through its selector thread and a chain of futures, which cost several times the
 * CPU per call (bench/results/design-measurements.md). OkHttp is already on the worker's class path (the OpenAI
 * SDK's transport), so this adds no new library.
 *
 * <p>OkHttp re-tries on its own only below the request level: a pooled connection found closed, or another
 * route to the host, before any answer. Which answers are tried again, how often and after what pause is
 * decided in {@link #withTransportRetries} alone.
 */
public class BackendClient {

    private static final String API_KEY_HEADER = "API_KEY";
    private static final MediaType JSON = MediaType.get("application/json");

    private final BackendProperties properties;
    private final CallObserver observer;
    private final OkHttpClient http;
    private final String base;

    /** A client for the configured backend. */
    public BackendClient(BackendProperties properties) {
        this(properties, CallObserver.NONE);
    }

    /** A client that reports every call's latency to {@code observer}. */
    public BackendClient(BackendProperties properties, CallObserver observer) {
        this.properties = properties;
        this.observer = observer;
        this.base = properties.baseUrl().replaceAll("/+$", "");
        this.http = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(
                        properties.maxIdleConnections(), properties.keepAlive().toMillis(), TimeUnit.MILLISECONDS))
                .connectTimeout(properties.connectTimeout())
                // One deadline per call, body included. Okio enforces read and write time-outs by putting every
                // socket read and write in one global sorted list, a cost that grows with the calls in flight
                // (bench/results/design-measurements.md).
                .readTimeout(Duration.ZERO)
                .writeTimeout(Duration.ZERO)
                .callTimeout(properties.requestTimeout())
                .followRedirects(false)
                .build();
    }

    /** Every response row of a quiz, submitted or not. */
    public List<QuizResponse> responses(String quizId) {
        var body = get("GET /eval/quiz/{id}/student", "/eval/quiz/" + enc(quizId) + "/student");
        return convert(body.path("responses"), new TypeReference<List<QuizResponse>>() {});
    }

    /**
     * The status columns of every response row of a quiz, parsed straight from the bytes with the answers
     * skipped: what planning a job needs, at a fraction of the cost of {@link #responses}.
     */
    public List<ResponseStatus> responseStatuses(String quizId) {
        return responseStatuses(quizId, Collectors.toList());
    }

    /**
     * The status columns of every response row of a quiz, each handed to {@code collector} while the list
     * arrives, so the caller keeps only what it selects (a 100,000-student list is ~160 MB). A try that fails
     * mid-body and is retried starts again with a new container from the collector's supplier; an exception the
     * collector throws ends the call without retries and is thrown as it is.
     */
    public <A, R> R responseStatuses(String quizId, Collector<ResponseStatus, A, R> collector) {
        var route = "GET /eval/quiz/{id}/student";
        var request = request("/eval/quiz/" + enc(quizId) + "/student").get().build();
        return sendForStreamed(route, request, parser -> {
            A container = collector.supplier().get();
            var accumulator = collector.accumulator();
            ResponseStatusReader.read(parser, row -> accumulator.accept(container, row));
            return collector.finisher().apply(container);
        });
    }

    /** One student's response row; a 404 means the student has none. Bound straight from the bytes. */
    public QuizResponse response(String quizId, String studentId) {
        var route = "GET /eval/quiz/{id}/student/{sid}";
        var path = "/eval/quiz/" + enc(quizId) + "/student/" + enc(studentId);
        var envelope = read(route, sendForBytes(route, request(path).get().build()), ResponseEnvelope.class);
        if (envelope.response() == null) {
            throw new BackendException(route, 200, "answer has no response row", null);
        }
        return envelope.response();
    }

    /** The single-row answer. */
    private record ResponseEnvelope(
            @com.fasterxml.jackson.annotation.JsonProperty("response")
            QuizResponse response) {}

    /** The quiz's questions (empty for an unknown quiz, as the backend answers). */
    public List<Question> questions(String quizId) {
        var body = get("GET /eval/quiz/{id}/question", "/eval/quiz/" + enc(quizId) + "/question");
        return convert(body.path("data"), new TypeReference<List<Question>>() {});
    }

    /** The quiz's evaluation settings, or empty when the quiz has no settings row. */
    public Optional<QuizSettings> settings(String quizId) {
        try {
            var body = get("GET /eval/quiz/{id}/settings", "/eval/quiz/" + enc(quizId) + "/settings");
            return Optional.of(convert(body, new TypeReference<QuizSettings>() {}));
        } catch (BackendException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** True when the backend knows the quiz. */
    public boolean quizExists(String quizId) {
        try {
            get("GET /eval/quiz/{id}", "/eval/quiz/" + enc(quizId));
            return true;
        } catch (BackendException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Saves one student's grades. {@code idempotencyKey} ({@code jobId:studentId}) lets a backend that honours
     * it drop the duplicates an at-least-once worker may send; ours are identical anyway.
     */
    public void save(String quizId, String studentId, SaveBody body, String idempotencyKey) {
        var request = request("/eval/quiz/" + enc(quizId) + "/save/" + enc(studentId))
                .header("Idempotency-Key", idempotencyKey)
                .post(RequestBody.create(Json.mapper().writeValueAsBytes(body), JSON))
                .build();
        send("POST /eval/quiz/{id}/save/{sid}", request);
    }

    private JsonNode get(String route, String path) {
        return send(route, request(path).get().build());
    }

    private Request.Builder request(String path) {
        return new Request.Builder()
                .url(base + path)
                .header(API_KEY_HEADER, properties.apiKey())
                .header("Accept", "application/json");
    }

    /** Sends and parses the answer as JSON. */
    private JsonNode send(String route, Request request) {
        var body = sendForBytes(route, request);
        try {
            return Json.mapper().readTree(body);
        } catch (JacksonException e) {
            throw new BackendException(route, 200, "answer is not JSON", e);
        }
    }

    /** Sends with quick retries for transient failures and hands back the raw body; the last failure is thrown. */
    private byte[] sendForBytes(String route, Request request) {
        return withTransportRetries(() -> exchange(route, request));
    }

    /**
     * Like {@link #sendForBytes} but parses the body while it arrives: a 10,000-student list is ~16 MB, which
     * as one array costs a humongous allocation and its whole transfer time before parsing starts. Transport
     * failures, also in mid-body, are retried; an answer of the wrong shape is not.
     */
    private <T> T sendForStreamed(String route, Request request, Function<JsonParser, T> reader) {
        return withTransportRetries(() -> streamed(route, request, reader));
    }

    /**
     * The one place that decides on retrying a call: transport failures (status 0), 408, 429 and 5xx are
     * tried again with doubling back-off; client errors and answers of the wrong shape (a 200) are not.
     */
    private <T> T withTransportRetries(Supplier<T> call) {
        long backoff = properties.transportBackoff().toMillis();
        for (int retry = 0; ; retry++, backoff *= 2) {
            try {
                return call.get();
            } catch (BackendException e) {
                if (e.isClientError() || e.status() == 200 || retry >= properties.transportRetries()) {
                    throw e;
                }
                pause(backoff, e);
            }
        }
    }

    private <T> T streamed(String route, Request request, Function<JsonParser, T> reader) {
        long start = System.nanoTime();
        int status = 0;
        try (Response response = http.newCall(request).execute();
                InputStream body = response.body().byteStream()) {
            status = response.code();
            if (status >= 400) {
                throw new BackendException(route, status, errorText(body.readAllBytes()), null);
            }
            T value;
            try (JsonParser parser = Json.mapper().createParser(unclosable(body))) {
                value = reader.apply(parser);
            }
            body.transferTo(java.io.OutputStream.nullOutputStream()); // the rest, so the connection is reused
            return value;
        } catch (IOException | JacksonIOException e) {
            status = 0;
            throw transportFailure(route, e);
        } catch (JacksonException e) {
            throw new BackendException(route, 200, "unexpected answer shape: " + e.getOriginalMessage(), e);
        } finally {
            observer.observe(route, status, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** Jackson closes what it read from; the caller still needs to drain and close the body itself. */
    private static InputStream unclosable(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() {
                // left to the caller
            }
        };
    }

    private static void pause(long millis, BackendException cause) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }

    /** One call; the body of a 4xx or 5xx answer becomes the exception's message. */
    private byte[] exchange(String route, Request request) {
        long start = System.nanoTime();
        int status = 0;
        try (Response response = http.newCall(request).execute()) {
            status = response.code();
            byte[] body = response.body().bytes();
            if (status >= 400) {
                throw new BackendException(route, status, errorText(body), null);
            }
            return body;
        } catch (IOException e) {
            status = 0;
            throw transportFailure(route, e);
        } finally {
            observer.observe(route, status, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** No (whole) answer: status 0. An interrupt (a task past its deadline) keeps the thread's flag set. */
    private static BackendException transportFailure(String route, Exception e) {
        if (Thread.currentThread().isInterrupted()) {
            return new BackendException(route, 0, "interrupted", e);
        }
        return new BackendException(route, 0, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }

    private static String errorText(byte[] body) {
        try {
            var node = Json.mapper().readTree(body);
            return node.path("error").asString(new String(body, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            var text = new String(body, StandardCharsets.UTF_8);
            return text.length() > 200 ? text.substring(0, 200) : text;
        }
    }

    private static <T> T read(String route, byte[] body, Class<T> type) {
        try {
            return Json.mapper().readValue(body, type);
        } catch (JacksonException e) {
            throw new BackendException(route, 200, "unexpected answer shape: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T convert(JsonNode node, TypeReference<T> type) {
        try {
            return Json.mapper().convertValue(node, type);
        } catch (IllegalArgumentException | JacksonException e) {
            throw new BackendException("decode", 200, "unexpected answer shape: " + e.getMessage(), e);
        }
    }

    /** An id as a path segment; one that is not a valid segment is a client error, never sent. */
    private static String enc(String id) {
        try {
            return PathSegment.encode(id);
        } catch (IllegalArgumentException e) {
            throw new BackendException("encode path", 400, "refused before sending: " + e.getMessage(), e);
        }
    }
}
