package io.evalify.worker.management;

import io.evalify.core.security.KeyRequests;
import io.evalify.core.security.NamedKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Everything the worker serves needs a management key, except the health probes: a request with a key carries
 * its name as the principal, so health shows details to it (and only to it); the key itself is never logged.
 */
class ManagementKeyFilter extends OncePerRequestFilter {

    private static final String OPEN_PREFIX = "/actuator/health";

    private final NamedKeys keys;

    ManagementKeyFilter(NamedKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var name = keys.verify(KeyRequests.presented(request, null));
        if (name.isPresent()) {
            chain.doFilter(KeyRequests.withPrincipal(request, name.get()), response);
        } else if (open(KeyRequests.path(request))) {
            chain.doFilter(request, response);
        } else {
            reject(response);
        }
    }

    private static boolean open(String path) {
        return path.equals(OPEN_PREFIX) || path.startsWith(OPEN_PREFIX + "/");
    }

    private static void reject(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType("application/problem+json");
        response.getWriter()
                .write("{\"type\":\"https://evalify.io/problems/unauthorized\",\"title\":\"Unauthorized\","
                        + "\"status\":401,\"detail\":\"A management key is required (Authorization: Bearer).\"}");
    }
}
