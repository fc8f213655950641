package io.evalify.api.auth;

import io.evalify.api.config.ApiProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requires the shared API key on every request except health, version, the API docs and OPTIONS (reference
 * §2.1). Runs before anything reads the body, so a bad key wins over a bad body, as in the old evaluator.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiKeyFilter extends OncePerRequestFilter {

    private static final Set<String> OPEN_PATHS =
            Set.of("/api/v1/health", "/api/v1/version", "/docs", "/redoc", "/openapi.json", "/swagger-ui.html");
    private static final Set<String> OPEN_PREFIXES =
            Set.of("/v3/api-docs", "/swagger-ui", "/actuator/health", "/actuator/prometheus");
    private static final String COMPAT_PREFIX = "/api/v1/evaluations";

    private final ApiProperties properties;
    private final byte[] expectedDigest;

    ApiKeyFilter(ApiProperties properties) {
        this.properties = properties;
        this.expectedDigest = digest(properties.apiKey());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = request.getRequestURI();
        return HttpMethod.OPTIONS.matches(request.getMethod())
                || OPEN_PATHS.contains(path)
                || OPEN_PREFIXES.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (accepted(presentedKey(request))) {
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

    /** Compares digests so neither the content nor the length of the key leaks through timing. */
    private boolean accepted(String presented) {
        return presented != null && MessageDigest.isEqual(expectedDigest, digest(presented));
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

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
