package io.evalify.api.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * A dashboard session resolved for the current request, put on the request by the session filter (which runs
 * before the API key filter) so other filters and controllers can see who signed in, and with which key.
 *
 * @param keyName the name of the API key the session was opened with
 * @param csrfToken the token every state-changing request of this session must carry
 */
public record SignedInSession(String keyName, String csrfToken) {

    private static final String ATTRIBUTE = SignedInSession.class.getName();

    /** Marks the request as made in this session. */
    public void attachTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    /** The session the request was made in, if any. */
    public static Optional<SignedInSession> of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof SignedInSession session
                ? Optional.of(session)
                : Optional.empty();
    }
}
