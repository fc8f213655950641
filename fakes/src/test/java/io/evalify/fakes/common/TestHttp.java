package io.evalify.fakes.common;

import io.evalify.schemas.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;

/** A thin java.net.http client for the fake tests: real sockets, plain strings. */
public final class TestHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private TestHttp() {}

    /** GET with optional header name/value pairs. */
    public static HttpResponse<String> get(String url, String... headers) {
        return send(request(url, headers).GET().build());
    }

    /** POST a JSON body with optional header name/value pairs. */
    public static HttpResponse<String> post(String url, String body, String... headers) {
        return send(request(url, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** POST asynchronously, for concurrency tests. */
    public static CompletableFuture<HttpResponse<String>> postAsync(String url, String body, String... headers) {
        return CLIENT.sendAsync(
                request(url, headers)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends with a request timeout; throws the client's timeout exception. */
    public static HttpResponse<String> getWithTimeout(String url, Duration timeout, String... headers)
            throws IOException, InterruptedException {
        return CLIENT.send(request(url, headers).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The response body parsed as JSON. */
    public static JsonNode json(HttpResponse<String> response) {
        return Json.mapper().readTree(response.body());
    }

    private static HttpRequest.Builder request(String url, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
