package io.evalify.core.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;

/** How the API's and the worker's key filters read a key from a request and pass on who presented it. */
public final class KeyRequests {

    private static final String BEARER = "Bearer ";

    private KeyRequests() {}

    /** The key in {@code header}, else an {@code Authorization: Bearer} token, else null. */
    public static String presented(HttpServletRequest request, String header) {
        var key = header == null ? null : request.getHeader(header);
        var authorization = request.getHeader("Authorization");
        if (key == null && authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            key = authorization.substring(BEARER.length()).trim();
        }
        return key;
    }

    /**
     * The path the request is served under, decoded and with {@code .} and {@code ..} resolved, as the dispatcher
     * maps it. Decide what is open on this, never on the raw request URI: {@code /actuator/health/../env} starts
     * with an open prefix but is served as {@code /actuator/env}.
     */
    public static String path(HttpServletRequest request) {
        var pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    /** The request with the key's name as its principal: actuator's {@code when-authorized} reads it. */
    public static HttpServletRequest withPrincipal(HttpServletRequest request, String keyName) {
        Principal principal = () -> keyName;
        return new HttpServletRequestWrapper(request) {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }
        };
    }
}
