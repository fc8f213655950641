package io.evalify.core.backend;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How to reach the Evalify backend ({@code evalify.backend.*}).
 *
 * @param baseUrl base of the evaluation routes, e.g. {@code http://localhost:3000/api/utils}
 * @param apiKey shared secret sent in the {@code API_KEY} header (the backend's {@code API_KEY})
 * @param connectTimeout TCP connect time-out
 * @param requestTimeout time-out of one request, headers and body
 * @param transportRetries quick retries of a call that got no answer, a 5xx or a 429, before the failure
 *     reaches the task's retry policy (every route we call is idempotent: GETs, and a save of the same body)
 * @param transportBackoff wait before the first quick retry, doubled for each next one
 * @param maxIdleConnections pooled connections kept open between calls: as many as calls run at once, so a wave
 *     of calls does not reconnect
 * @param keepAlive how long an idle pooled connection is kept; below the backend's own idle time-out (Node's
 *     default is 5 s), so the client closes a connection before the server can close it under a request
 */
@ConfigurationProperties("evalify.backend")
public record BackendProperties(
        @DefaultValue("http://localhost:3000/api/utils") String baseUrl,
        @DefaultValue("api_key") String apiKey,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration requestTimeout,
        @DefaultValue("2") int transportRetries,
        @DefaultValue("100ms") Duration transportBackoff,
        @DefaultValue("256") int maxIdleConnections,
        @DefaultValue("4s") Duration keepAlive) {

    /** Hides the key from logs and actuator output. */
    @Override
    public String toString() {
        return "BackendProperties[baseUrl=" + baseUrl + ", apiKey=****, connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + "]";
    }
}
