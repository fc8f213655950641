package io.evalify.api.dashboard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Resolves the dashboard session cookie, when a request carries one, before the API key filter runs: the
 * dashboard's pages and the job event streams then know who signed in. Deciding what a session may do is left
 * to {@link DashboardGuardFilter} and the API key filter.
 */
class SessionFilter extends OncePerRequestFilter {

    private final DashboardSessions sessions;

    SessionFilter(DashboardSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return SessionCookie.read(request) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        sessions.find(SessionCookie.read(request)).ifPresent(session -> session.attachTo(request));
        chain.doFilter(request, response);
    }
}
