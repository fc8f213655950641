package io.evalify.api.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The API's settings ({@code evalify.api.*}).
 *
 * @param apiKey the shared secret callers send (the old evaluator's {@code EVALUATION_SERVICE_API_KEY}); named
 *     {@code primary} in the logs
 * @param apiKeys more keys callers may send, by a name the logs show ({@code evalify.api.api-keys.ui=...}): add
 *     the next key here, move the callers, then make it the primary and drop the old one; an empty one is no key
 * @param apiKeyHeader the header carrying it; {@code Authorization: Bearer} is accepted too
 * @param maxStudentsPerJob the most tasks one job may have
 * @param maxBodySize the largest request body accepted, also for chunked bodies without a length
 * @param jobDeadline how long a job may run before it expires (RQ's {@code ttl} for a whole batch)
 * @param publishTimeout how long to wait for the broker to acknowledge every task of a new job
 * @param publishLease after this long a job whose tasks never all reached the broker is failed
 * @param callbackSecret the Standard Webhooks secret ({@code whsec_} and the base64 of 24 to 64 random bytes) that
 *     signs every completion callback; required (startup fails without it) once {@code callback.allowed-hosts} lets
 *     any callback through
 * @param events the progress event streams ({@code GET /{id}/events})
 * @param callback delivery of completion callbacks
 * @param statusCacheTtl how long {@code GET /{id}} may serve a job's status without reading Redis again (a UI
 *     polling every few seconds never notices; thousands of polls a second cost one read per job per period)
 * @param dashboard the operator's web dashboard ({@code /dashboard})
 */
@ConfigurationProperties("evalify.api")
public record ApiProperties(
        @DefaultValue("api_key") String apiKey,
        Map<String, String> apiKeys,
        @DefaultValue("API_KEY") String apiKeyHeader,
        @DefaultValue("100000") int maxStudentsPerJob,
        @DefaultValue("2MB") DataSize maxBodySize,
        @DefaultValue("24h") Duration jobDeadline,
        @DefaultValue("30s") Duration publishTimeout,
        @DefaultValue("2m") Duration publishLease,
        @DefaultValue("") String callbackSecret,
        @DefaultValue Events events,
        @DefaultValue Callback callback,
        @DefaultValue("250ms") Duration statusCacheTtl,
        @DefaultValue Dashboard dashboard) {

    /** Refuses settings that would send callbacks signed with no secret. */
    public ApiProperties {
        apiKeys = apiKeys == null ? Map.of() : Map.copyOf(apiKeys);
        if (callback != null
                && !callback.allowedHosts().isEmpty()
                && (callbackSecret == null || callbackSecret.isBlank())) {
            throw new IllegalArgumentException("evalify.api.callback-secret must be set when "
                    + "evalify.api.callback.allowed-hosts allows callbacks: receivers verify the signature with it");
        }
    }

    /**
     * Progress event streams.
     *
     * @param pollInterval how often each open stream reads the job from Redis
     * @param heartbeat how long a stream may stay silent before a keep-alive comment is sent
     * @param timeout how long one stream stays open at most; clients reconnect after it
     * @param maxStreams the most streams open at once on this instance; more are refused with 503
     */
    public record Events(
            @DefaultValue("500ms") Duration pollInterval,
            @DefaultValue("15s") Duration heartbeat,
            @DefaultValue("30m") Duration timeout,
            @DefaultValue("1000") int maxStreams) {}

    /**
     * Completion callbacks, sent as Standard Webhooks (see docs/SECURITY.md for receivers).
     *
     * @param pollInterval how often pending callbacks are looked for
     * @param maxAttempts attempts per delivery before it is given up ({@code failed}, the dead end)
     * @param initialBackoff wait before the second attempt; doubled before each further one (less up to a fifth, at
     *     random, so receivers that failed together are not retried together)
     * @param maxBackoff the longest wait between two attempts, also when the receiver's {@code Retry-After} asks
     *     for more
     * @param requestTimeout timeout of one POST
     * @param lease how long one instance owns a delivery attempt before another may take it over
     * @param scanLimit how many pending callbacks one poll looks at; the next poll goes on where this one stopped,
     *     so every pending callback is looked at however many jobs are still running
     * @param allowedHosts the hosts a {@code callback_url} may name, as exact names or IP literals
     *     ({@code evalify.example.edu}) or {@code *.example.edu} for any subdomain, on the scheme's own port (443,
     *     80) unless the entry names another ({@code hooks.example.edu:8443}); a job naming anything else is refused
     *     with 422, so the service never POSTs to an address a caller picked (SSRF). Empty (the default) refuses
     *     every callback.
     * @param previousSecrets secrets being retired ({@code whsec_...}): each delivery is signed with
     *     {@code evalify.api.callback-secret} and with these too, so receivers that still hold an old secret keep
     *     verifying while the secret is rotated
     */
    public record Callback(
            @DefaultValue("2s") Duration pollInterval,
            @DefaultValue("10") int maxAttempts,
            @DefaultValue("5s") Duration initialBackoff,
            @DefaultValue("1h") Duration maxBackoff,
            @DefaultValue("10s") Duration requestTimeout,
            @DefaultValue("5m") Duration lease,
            @DefaultValue("10000") int scanLimit,
            @DefaultValue List<String> allowedHosts,
            @DefaultValue List<String> previousSecrets) {

        /** Null-safe, and blank entries (an empty environment variable) allow nothing. */
        public Callback {
            allowedHosts = allowedHosts == null
                    ? List.of()
                    : allowedHosts.stream().filter(h -> !h.isBlank()).toList();
            previousSecrets = previousSecrets == null
                    ? List.of()
                    : previousSecrets.stream().filter(h -> !h.isBlank()).toList();
        }

        /** Hides the secrets. */
        @Override
        public String toString() {
            return "Callback[pollInterval=" + pollInterval + ", maxAttempts=" + maxAttempts + ", initialBackoff="
                    + initialBackoff + ", maxBackoff=" + maxBackoff + ", requestTimeout=" + requestTimeout
                    + ", lease=" + lease + ", scanLimit=" + scanLimit + ", allowedHosts=" + allowedHosts
                    + ", previousSecrets=" + previousSecrets.size() + "]";
        }
    }

    /**
     * The operator's dashboard.
     *
     * @param sessionIdleTimeout a signed-in session ends after this long without a request
     * @param sessionMaxAge a session ends this long after sign-in, however active
     * @param workerGroupPrefix the workers' {@code evalify.worker.group-prefix}, for the lag of lanes that no live
     *     worker reports (a worker's heartbeat names its own groups)
     * @param routerApplicationId the workers' Kafka Streams {@code application.id}, likewise
     * @param adminTimeout how long a page waits for Kafka's admin API before showing what it has
     */
    public record Dashboard(
            @DefaultValue("30m") Duration sessionIdleTimeout,
            @DefaultValue("12h") Duration sessionMaxAge,
            @DefaultValue("evalify-worker") String workerGroupPrefix,
            @DefaultValue("evalify-worker-router") String routerApplicationId,
            @DefaultValue("3s") Duration adminTimeout) {}

    /** Hides the secrets. */
    @Override
    public String toString() {
        return "ApiProperties[apiKey=****, apiKeys=" + apiKeys.keySet() + ", apiKeyHeader=" + apiKeyHeader
                + ", maxStudentsPerJob=" + maxStudentsPerJob
                + ", maxBodySize=" + maxBodySize + ", jobDeadline=" + jobDeadline + ", callbackSecret=****, events="
                + events + ", callback=" + callback + ", dashboard=" + dashboard + "]";
    }
}
