package io.evalify.api.dashboard;

import io.evalify.api.auth.ApiKeys;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-in with an API key (sent in a POST body, never in a URL, never logged) and sign-out. A good key opens a
 * session and sets its cookie; a bad one re-shows the form with 401.
 */
@Controller
class SignInController {

    private static final Logger log = LoggerFactory.getLogger(SignInController.class);

    private final ApiKeys keys;
    private final DashboardSessions sessions;

    SignInController(ApiKeys keys, DashboardSessions sessions) {
        this.keys = keys;
        this.sessions = sessions;
    }

    @GetMapping({DashboardPaths.ROOT, DashboardPaths.ROOT + "/"})
    String home() {
        return "redirect:" + DashboardPaths.JOBS;
    }

    @GetMapping(DashboardPaths.SIGN_IN)
    String signInForm(@RequestParam(name = "signed-out", required = false) String signedOut, Model model) {
        model.addAttribute("signedOut", signedOut != null);
        return "dashboard/sign-in";
    }

    @PostMapping(DashboardPaths.SIGN_IN)
    String signIn(
            @RequestParam(name = "api_key", defaultValue = "") String apiKey,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var keyName = keys.verify(apiKey);
        if (keyName.isEmpty()) {
            log.warn("Dashboard sign-in refused from {}: not a valid API key", request.getRemoteAddr());
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("error", "That is not a valid API key.");
            model.addAttribute("signedOut", false);
            return "dashboard/sign-in";
        }
        var opened = sessions.open(keyName.get());
        SessionCookie.write(request, response, opened.cookieValue(), sessions.maxAge());
        log.info("Dashboard sign-in with key '{}' from {}", keyName.get(), request.getRemoteAddr());
        return "redirect:" + DashboardPaths.JOBS;
    }

    @PostMapping(DashboardPaths.SIGN_OUT)
    String signOut(HttpServletRequest request, HttpServletResponse response) {
        sessions.close(SessionCookie.read(request));
        SessionCookie.clear(request, response);
        return "redirect:" + DashboardPaths.SIGN_IN + "?signed-out=1";
    }
}
