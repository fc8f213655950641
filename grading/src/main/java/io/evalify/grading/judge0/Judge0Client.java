package io.evalify.grading.judge0;

import io.evalify.grading.RemoteCallException;
import io.evalify.schemas.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.core.JacksonException;

/**
 * Judge0 over HTTP: {@code POST {base}/submissions?base64_encoded=false&wait=true}. Connection errors,
 * time-outs, 408, 429 and 5xx are retryable {@link RemoteCallException}s; other 4xx (such as 422 for a bad
 * submission) are not. Judge0's own internal error (status 13) is retryable too.
 */
public final class Judge0Client implements CodeRunner {

    private static final String REMOTE = "judge0";

    private final Judge0Config config;
    private final HttpClient http;

    /** A client with its own HTTP client. */
    public Judge0Client(Judge0Config config) {
        this(config, HttpClient.newBuilder().connectTimeout(config.timeout()).build());
    }

    /** A client on a given HTTP client. */
    public Judge0Client(Judge0Config config, HttpClient http) {
        this.config = config;
        this.http = http;
    }

    @Override
    public Judge0Result run(Judge0Submission submission) {
        HttpResponse<String> response = send(request(submission));
        if (response.statusCode() >= 300) {
            throw failed(response);
        }
        return checked(parse(response.body()));
    }

    private HttpRequest request(Judge0Submission submission) {
        return HttpRequest.newBuilder(URI.create(config.baseUrl() + "/submissions?base64_encoded=false&wait=true"))
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(submission)))
                .build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RemoteCallException(
                    REMOTE, 0, true, null, "Judge0 unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteCallException(REMOTE, 0, true, null, "Interrupted while waiting for Judge0", e);
        }
    }

    private static RemoteCallException failed(HttpResponse<String> response) {
        int status = response.statusCode();
        var retryAfter = response.headers()
                .firstValue("retry-after")
                .map(RetryAfter::parse)
                .orElse(null);
        String message = "Judge0 returned HTTP " + status + ": " + abbreviate(response.body());
        return new RemoteCallException(
                REMOTE, status, RemoteCallException.isRetryableStatus(status), retryAfter, message, null);
    }

    private static Judge0Result parse(String body) {
        try {
            return Json.mapper().readValue(body, Judge0Result.class);
        } catch (JacksonException e) {
            throw new RemoteCallException(REMOTE, 200, true, null, "Judge0 reply is not a submission result", e);
        }
    }

    private static Judge0Result checked(Judge0Result result) {
        int status = result.statusId();
        if (status == Judge0Result.INTERNAL_ERROR || status == 1 || status == 2) {
            throw new RemoteCallException(
                    REMOTE, 200, true, null, "Judge0 could not run the code: " + result.statusDescription(), null);
        }
        return result;
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }
}
