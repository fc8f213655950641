package io.evalify.api.auth;

import io.evalify.api.config.ApiProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requires the shared API key on every request except health, version, the API docs and OPTIONS (reference
 * §2.1). Runs before anything reads the body, so a bad key wins over a bad body, as in the old evaluator. A
 * progress event stream ({@code GET …/{id}/events}) is also open to a signed-in dashboard session, since a
 * browser's {@code EventSource} cannot send a header; the dashboard's own pages are guarded by its session filter.
 */
@Component
// Right after the dashboard's session filter, which resolves a session cookie for the event streams.
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ApiKeyFilter extends OncePerRequestFilter {

    private static final Set<String> OPEN_PATHS =
            Set.of("/api/v1/health", "/api/v1/version", "/docs", "/redoc", "/openapi.json", "/swagger-ui.html");
    private static final Set<String> OPEN_PREFIXES =
            Set.of("/v3/api-docs", "/swagger-ui", "/actuator/health", "/actuator/prometheus");
    private static final String DASHBOARD = "/dashboard";
    private static final String COMPAT_PREFIX = "/api/v1/evaluations";
    private static final Pattern EVENTS_PATH = Pattern.compile("/api/v1/jobs/evaluation/[^/]+/events");

    private final ApiProperties properties;
    private final ApiKeyVerifier keys;

    ApiKeyFilter(ApiProperties properties, ApiKeyVerifier keys) {
        this.properties = properties;
        this.keys = keys;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = request.getRequestURI();
        return HttpMethod.OPTIONS.matches(request.getMethod())
                || OPEN_PATHS.contains(path)
                || OPEN_PREFIXES.stream().anyMatch(path::startsWith)
                || path.equals(DASHBOARD)
                || path.startsWith(DASHBOARD + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (keys.verify(presentedKey(request)).isPresent() || signedInToEvents(request)) {
            chain.doFilter(request, response);
        } else {
            reject(request, response);
        }
    }

    private String presentedKey(HttpServletRequest request) {
        var key = request.getHeader(properties.apiKeyHeader());
        var authorization = request.getHeader("Authorization");
        if (key == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = authorization.substring(7).trim();
        }
        return key;
    }

    private static boolean signedInToEvents(HttpServletRequest request) {
        return HttpMethod.GET.matches(request.getMethod())
                && EVENTS_PATH.matcher(request.getRequestURI()).matches()
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
