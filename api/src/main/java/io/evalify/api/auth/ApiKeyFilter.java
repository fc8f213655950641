package io.evalify.api.auth;

import io.evalify.api.config.ApiProperties;
import io.evalify.core.security.KeyRequests;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requires an API key ({@link ApiKeys}) on every request except the health probes, version, the API docs and OPTIONS,
 * the old evaluator's open paths (docs/BACKEND-CONTRACT.md). Runs before anything reads the body, so a bad key wins
 * over a bad body, as in the old evaluator. A request with a valid key carries the key's name as its principal (so
 * health shows details to it, and only to it) and in the log context ({@code api_key}); the key itself is never logged.
 * A progress event stream ({@code GET …/{id}/events}) is also open to a signed-in dashboard session, since a browser's
 * {@code EventSource} cannot send a header; the dashboard's own pages are guarded by its session filter.
 */
@Component
// Right after the dashboard's session filter, which resolves a session cookie for the event streams.
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ApiKeyFilter extends OncePerRequestFilter {

    /** Log context key: the name of the API key a request came with. */
    static final String MDC_KEY = "api_key";

    private static final Set<String> OPEN_PATHS =
            Set.of("/api/v1/health", "/api/v1/version", "/docs", "/redoc", "/openapi.json", "/swagger-ui.html");
    private static final Set<String> OPEN_PREFIXES = Set.of("/v3/api-docs", "/swagger-ui", "/actuator/health");
    private static final String DASHBOARD = "/dashboard";
    private static final String COMPAT_PREFIX = "/api/v1/evaluations";
    private static final Pattern EVENTS_PATH = Pattern.compile("/api/v1/jobs/evaluation/[^/]+/events");

    private final ApiProperties properties;
    private final ApiKeys keys;

    ApiKeyFilter(ApiProperties properties, ApiKeys keys) {
        this.properties = properties;
        this.keys = keys;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = KeyRequests.path(request);
        return path.equals(DASHBOARD) || path.startsWith(DASHBOARD + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var name = keys.verify(KeyRequests.presented(request, properties.apiKeyHeader()));
        if (name.isPresent()) {
            try (var ignored = MDC.putCloseable(MDC_KEY, name.get())) {
                chain.doFilter(KeyRequests.withPrincipal(request, name.get()), response);
            }
        } else if (open(request)) {
            chain.doFilter(request, response);
        } else if (signedInToEvents(request)) {
            try (var ignored = MDC.putCloseable(
                    MDC_KEY, SignedInSession.of(request).orElseThrow().keyName())) {
                chain.doFilter(request, response);
            }
        } else {
            reject(request, response);
        }
    }

    /** Decided on the path the container resolved: {@code /actuator/health/../env} is {@code /actuator/env}. */
    private static boolean open(HttpServletRequest request) {
        var path = KeyRequests.path(request);
        return HttpMethod.OPTIONS.matches(request.getMethod())
                || OPEN_PATHS.contains(path)
                || OPEN_PREFIXES.stream().anyMatch(path::startsWith);
    }

    private static boolean signedInToEvents(HttpServletRequest request) {
        return HttpMethod.GET.matches(request.getMethod())
                && EVENTS_PATH.matcher(KeyRequests.path(request)).matches()
                && SignedInSession.of(request).isPresent();
    }

    private static void reject(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (request.getRequestURI().startsWith(COMPAT_PREFIX)) {
            // The old evaluator's exact body, for drop-in compatibility.
            response.setContentType("application/json");
            response.getWriter().write("{\"error\": \"Unauthorized\", \"status\": 401}");
            return;
        }
        response.setContentType("application/problem+json");
        response.getWriter()
                .write("{\"type\":\"https://evalify.io/problems/unauthorized\",\"title\":\"Unauthorized\","
                        + "\"status\":401,\"error\":\"Unauthorized\",\"detail\":\"A valid API key is required.\"}");
    }
}
