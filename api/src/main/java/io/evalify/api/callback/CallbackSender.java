package io.evalify.api.callback;

import io.evalify.api.config.ApiProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.springframework.stereotype.Component;

/**
 * POSTs one signed callback body, retrying with exponential backoff: up to {@code max-attempts}, waiting
 * {@code initial-backoff}, then twice as long each time. A 2xx answer is delivered; a 4xx other than 408 and 429
 * means the receiver refuses it, so it is not retried; other answers and I/O errors are retried. Redirects are
 * not followed. Blocks its (virtual) thread; never called on a worker or request thread.
 */
@Component
class CallbackSender {

    private final ApiProperties properties;
    private final CallbackPolicy policy;
    private final HttpClient http;

    CallbackSender(ApiProperties properties, CallbackPolicy policy) {
        this.properties = properties;
        this.policy = policy;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.callback().requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Delivers {@code body} to {@code url}; never throws. A host no longer allowed gets no request at all. */
    Delivery send(String jobId, String url, byte[] body) {
        if (!policy.allows(url)) {
            return new Delivery(false, 0, "host not in evalify.api.callback.allowed-hosts");
        }
        var settings = properties.callback();
        String lastError = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            if (attempt > 1) {
                pause(settings.initialBackoff().multipliedBy(1L << Math.min(attempt - 2, 20)));
            }
            var outcome = attempt(jobId, url, body, attempt);
            if (outcome.delivered() || !outcome.retryable()) {
                return new Delivery(outcome.delivered(), attempt, outcome.error());
            }
            lastError = outcome.error();
        }
        return new Delivery(false, settings.maxAttempts(), lastError);
    }

    private Attempt attempt(String jobId, String url, byte[] body, int attempt) {
        try {
            var request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(properties.callback().requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("X-Evalify-Job-Id", jobId)
                    .header("X-Evalify-Delivery-Attempt", String.valueOf(attempt))
                    .header(CallbackSignature.HEADER, CallbackSignature.sign(properties.callbackSecret(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            boolean retryable = status >= 500 || status == 408 || status == 429;
            return new Attempt(status / 100 == 2, retryable, "HTTP " + status);
        } catch (IOException | IllegalArgumentException e) {
            return new Attempt(
                    false,
                    !(e instanceof IllegalArgumentException),
                    e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(false, false, "interrupted");
        }
    }

    private static void pause(Duration wait) {
        LockSupport.parkNanos(wait.toNanos());
    }

    private record Attempt(boolean delivered, boolean retryable, String error) {}

    /**
     * How a delivery ended.
     *
     * @param delivered whether the receiver answered 2xx
     * @param attempts attempts made
     * @param lastError the last failure, or null
     */
    record Delivery(boolean delivered, int attempts, String lastError) {}
}
