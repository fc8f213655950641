package io.evalify.api.dashboard;

import io.evalify.api.auth.SignedInSession;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /dashboard}: every page but sign-in and the static assets needs a session (a browser is sent to
 * sign in, anything else gets 401), and every state-changing request must carry the session's CSRF token (form
 * field {@code _csrf} or header {@code X-CSRF-Token}) and come from this origin, or it gets 403. Runs after the
 * body size limit, since reading a form field reads the body. Adds the pages' security headers: a strict
 * Content-Security-Policy (scripts and styles only from this origin, no framing), no caching, no referrer to
 * other sites.
 */
class DashboardGuardFilter extends OncePerRequestFilter {

    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";

    private static final Logger log = LoggerFactory.getLogger(DashboardGuardFilter.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = request.getRequestURI();
        return !(path.equals(DashboardPaths.ROOT) || path.startsWith(DashboardPaths.ROOT + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        addSecurityHeaders(response);
        var path = request.getRequestURI();
        boolean safe = SAFE_METHODS.contains(request.getMethod());
        if (path.startsWith(DashboardPaths.ASSETS + "/")) {
            chain.doFilter(request, response);
        } else if (!safe && !sameOrigin(request)) {
            refuse(request, response, "the request came from another site");
        } else if (path.equals(DashboardPaths.SIGN_IN)) {
            chain.doFilter(request, response);
        } else {
            guardSessionPage(request, response, chain, safe);
        }
    }

    private void guardSessionPage(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain, boolean safe)
            throws IOException, ServletException {
        var session = SignedInSession.of(request);
        if (session.isEmpty()) {
            notSignedIn(request, response, safe);
        } else if (!safe && !csrfTokenMatches(request, session.get())) {
            refuse(request, response, "the CSRF token is missing or wrong");
        } else {
            chain.doFilter(request, response);
        }
    }

    private static void notSignedIn(HttpServletRequest request, HttpServletResponse response, boolean safe)
            throws IOException {
        if (safe && acceptsHtml(request)) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader(HttpHeaders.LOCATION, DashboardPaths.SIGN_IN);
            return;
        }
        writeText(response, HttpServletResponse.SC_UNAUTHORIZED, "Sign in to the dashboard first.");
    }

    private static boolean csrfTokenMatches(HttpServletRequest request, SignedInSession session) {
        var presented = request.getHeader(CSRF_HEADER);
        if (presented == null) {
            presented = request.getParameter(CSRF_FIELD);
        }
        return presented != null
                && MessageDigest.isEqual(
                        presented.getBytes(StandardCharsets.UTF_8),
                        session.csrfToken().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A browser names the page's origin on a state-changing request ({@code Origin}, or {@code Sec-Fetch-Site});
     * when it does, it must be this server. Together with the CSRF token this also covers the sign-in form, which
     * has no session yet.
     */
    private static boolean sameOrigin(HttpServletRequest request) {
        var site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return false;
        }
        var origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return true;
        }
        try {
            var uri = URI.create(origin);
            int port = uri.getPort() == -1 ? ("https".equals(uri.getScheme()) ? 443 : 80) : uri.getPort();
            return request.getServerName().equalsIgnoreCase(uri.getHost()) && request.getServerPort() == port;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String why)
            throws IOException {
        log.warn(
                "Dashboard refused {} {} from {}: {}",
                request.getMethod(),
                request.getRequestURI(),
                request.getRemoteAddr(),
                why);
        writeText(response, HttpServletResponse.SC_FORBIDDEN, "Refused: " + why + ". Reload the page and try again.");
    }

    private static boolean acceptsHtml(HttpServletRequest request) {
        var accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept == null || accept.contains("text/html") || accept.contains("*/*");
    }

    private static void writeText(HttpServletResponse response, int status, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(text);
    }

    private static void addSecurityHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        // Not no-referrer: with it a browser sends "Origin: null" on the pages' own forms, which the origin check
        // refuses.
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
