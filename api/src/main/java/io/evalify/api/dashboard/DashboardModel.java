package io.evalify.api.dashboard;

import io.evalify.api.auth.SignedInSession;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every dashboard page's layout needs: the CSRF token for its forms and who is signed in. */
@ControllerAdvice(assignableTypes = {JobPagesController.class, LanesController.class, SignInController.class})
class DashboardModel {

    @ModelAttribute("csrf")
    String csrf(HttpServletRequest request) {
        return SignedInSession.of(request).map(SignedInSession::csrfToken).orElse("");
    }

    @ModelAttribute("signedInAs")
    String signedInAs(HttpServletRequest request) {
        return SignedInSession.of(request).map(SignedInSession::keyName).orElse(null);
    }
}
