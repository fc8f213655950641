package io.evalify.cli.api;

import io.evalify.schemas.Json;
import io.evalify.schemas.job.JobAccepted;
import io.evalify.schemas.job.JobStatusResponse;
import io.evalify.schemas.job.JobSubmission;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * A thin client of the Evalify job API ({@code /api/v1/jobs/evaluation}). Every call sends the
 * {@code API_KEY} header; a missing answer becomes {@link ApiUnreachableException}, a non-2xx answer
 * {@link ApiException} with the problem details.
 */
public final class ApiClient {

    /** Header that carries the API key. */
    public static final String API_KEY_HEADER = "API_KEY";

    private static final String JOBS = "/api/v1/jobs/evaluation";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final ApiTarget target;
    private final HttpClient http;

    /** Creates a client of {@code target}. */
    public ApiClient(ApiTarget target) {
        this.target = target;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** The API this client talks to. */
    public ApiTarget target() {
        return target;
    }

    /** {@code POST /api/v1/jobs/evaluation}: submits a job. */
    public JobAccepted submit(JobSubmission submission) {
        String body = Json.mapper().writeValueAsString(submission);
        return Json.mapper().treeToValue(send("POST", JOBS, body), JobAccepted.class);
    }

    /** {@code GET /api/v1/jobs/evaluation/{id}} as raw JSON (for {@code status --json}). */
    public JsonNode statusJson(String jobId) {
        return send("GET", jobPath(jobId), null);
    }

    /** {@code GET /api/v1/jobs/evaluation/{id}}. */
    public JobStatusResponse status(String jobId) {
        return toStatus(statusJson(jobId));
    }

    /** {@code POST /api/v1/jobs/evaluation/{id}/cancel}. */
    public JsonNode cancel(String jobId) {
        return send("POST", jobPath(jobId) + "/cancel", "");
    }

    /** {@code GET /api/v1/jobs/evaluation/{id}/failures}. */
    public JsonNode failures(String jobId) {
        return send("GET", jobPath(jobId) + "/failures", null);
    }

    /** {@code POST /api/v1/jobs/evaluation/{id}/retry-failed}. */
    public JsonNode retryFailed(String jobId) {
        return send("POST", jobPath(jobId) + "/retry-failed", "");
    }

    /** Reads a status document. */
    public static JobStatusResponse toStatus(JsonNode json) {
        return Json.mapper().treeToValue(json, JobStatusResponse.class);
    }

    private static String jobPath(String jobId) {
        return JOBS + "/" + URLEncoder.encode(jobId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode send(String method, String path, String body) {
        HttpResponse<String> response = exchange(request(method, path, body));
        if (response.statusCode() / 100 != 2) {
            throw new ApiException(ProblemDetails.parse(response.statusCode(), response.body()));
        }
        String text = response.body();
        return Json.mapper().readTree(text == null || text.isBlank() ? "{}" : text);
    }

    private HttpRequest request(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.baseUrl() + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (target.apiKey() != null) {
            request.header(API_KEY_HEADER, target.apiKey());
        }
        return request.build();
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ApiUnreachableException(target.baseUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiUnreachableException(target.baseUrl(), e);
        }
    }
}
