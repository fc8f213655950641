package io.evalify.api.callback;

import io.evalify.api.config.ApiProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Makes one attempt at a callback: a POST of the body with the Standard Webhooks headers ({@code webhook-id},
 * {@code webhook-timestamp} of this attempt, {@code webhook-signature}). Redirects are not followed. Whether and
 * when to try again is {@link CallbackRetryPolicy}'s call. Blocks its (virtual) thread; never called on a worker
 * or request thread.
 */
@Component
class CallbackSender {

    /** Which attempt this is (1-based); informational, not signed. */
    static final String ATTEMPT_HEADER = "X-Evalify-Delivery-Attempt";

    private final ApiProperties properties;
    private final CallbackPolicy policy;
    private final List<WebhookSecret> secrets;
    private final HttpClient http;

    CallbackSender(ApiProperties properties, CallbackPolicy policy) {
        this.properties = properties;
        this.policy = policy;
        this.secrets = secrets(properties);
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.callback().requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * POSTs {@code body} to {@code url} as attempt {@code attempt} of delivery {@code webhookId}, stamped
     * {@code timestamp} (Unix seconds); never throws. A host no longer allowed gets no request at all.
     */
    Response send(String url, String webhookId, int attempt, long timestamp, byte[] body) {
        if (!policy.allows(url)) {
            return Response.refused("host not in evalify.api.callback.allowed-hosts");
        }
        if (secrets.isEmpty()) {
            return Response.refused("evalify.api.callback-secret is not set");
        }
        try {
            var request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(properties.callback().requestTimeout())
                    .header("Content-Type", "application/json")
                    .header(WebhookSignature.ID, webhookId)
                    .header(WebhookSignature.TIMESTAMP, String.valueOf(timestamp))
                    .header(WebhookSignature.SIGNATURE, WebhookSignature.sign(secrets, webhookId, timestamp, body))
                    .header(ATTEMPT_HEADER, String.valueOf(attempt))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            return Response.of(http.send(request, HttpResponse.BodyHandlers.discarding()));
        } catch (IOException e) {
            return new Response(true, false, true, e.getClass().getSimpleName(), null);
        } catch (IllegalArgumentException e) {
            return Response.refused("unusable URL");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(true, false, true, "interrupted", null);
        }
    }

    private static List<WebhookSecret> secrets(ApiProperties properties) {
        var secrets = new ArrayList<WebhookSecret>();
        if (properties.callbackSecret() != null && !properties.callbackSecret().isBlank()) {
            secrets.add(WebhookSecret.parse("evalify.api.callback-secret", properties.callbackSecret()));
        }
        properties
                .callback()
                .previousSecrets()
                .forEach(s -> secrets.add(WebhookSecret.parse("evalify.api.callback.previous-secrets", s)));
        return List.copyOf(secrets);
    }

    /**
     * How one attempt ended.
     *
     * @param attempted whether a request was made (not when we refused to send it)
     * @param delivered whether the receiver answered 2xx
     * @param retryable whether another attempt may succeed (a refusal by the receiver or by us never does)
     * @param error what went wrong (e.g. {@code HTTP 503}), or null when delivered
     * @param retryAfter the receiver's {@code Retry-After} in seconds, or null
     */
    record Response(boolean attempted, boolean delivered, boolean retryable, String error, Duration retryAfter) {

        static Response refused(String why) {
            return new Response(false, false, false, why, null);
        }

        static Response of(HttpResponse<?> response) {
            int status = response.statusCode();
            if (status / 100 == 2) {
                return new Response(true, true, false, null, null);
            }
            boolean retryable = status >= 500 || status == 408 || status == 429;
            var retryAfter = response.headers()
                    .firstValue("Retry-After")
                    .filter(v -> v.matches("\\d{1,9}"))
                    .map(v -> Duration.ofSeconds(Long.parseLong(v)))
                    .orElse(null);
            return new Response(true, false, retryable, "HTTP " + status, retryAfter);
        }
    }
}
