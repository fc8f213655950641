package io.evalify.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * How many LLM calls the worker has made, from its Prometheus endpoint ({@code evalify_llm_requests_seconds_count},
 * every outcome). S1's ideal assumes one call per student, but a blank or too-short answer scores 0 without one;
 * the count lets the report give the ideal for the calls actually made too.
 */
final class WorkerLlmCalls {

    private static final String SERIES = "evalify_llm_requests_seconds_count";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI prometheus;
    private final String managementKey;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** Reads from the worker whose root (management) URL is {@code workerUrl}, with its management key. */
    WorkerLlmCalls(String workerUrl, String managementKey) {
        this.prometheus = URI.create(workerUrl + "/actuator/prometheus");
        this.managementKey = managementKey;
    }

    /** The calls so far, or empty when the endpoint cannot be read. */
    Optional<Long> total() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(prometheus)
                            .timeout(TIMEOUT)
                            .header("Authorization", "Bearer " + managementKey)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(sum(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The sum of every {@link #SERIES} sample in a Prometheus text exposition. */
    static long sum(String exposition) {
        return exposition
                .lines()
                .filter(line -> line.startsWith(SERIES + "{") || line.startsWith(SERIES + " "))
                .mapToLong(line -> Math.round(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))))
                .sum();
    }
}
