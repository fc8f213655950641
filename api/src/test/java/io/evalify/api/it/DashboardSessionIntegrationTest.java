package io.evalify.api.it;

import static io.evalify.core.job.NewJobBuilder.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.evalify.core.job.JobStore;
import io.evalify.schemas.job.JobStatus;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboard's sign-in, session and CSRF rules over the real application and a real Redis: what a browser
 * without a session, with a wrong key, a wrong CSRF token or from another site is refused, and what a session may
 * do (pages, actions, the job event stream) until it signs out.
 */
@ExtendWith(OutputCaptureExtension.class)
class DashboardSessionIntegrationTest extends FullStackTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    private MockMvc mvc;

    @LocalServerPort
    private int port;

    @Autowired
    private JobStore jobs;

    @Test
    void shouldSendABrowserWithoutASessionToSignIn() throws Exception {
        mvc.perform(get("/dashboard/jobs").accept(MediaType.TEXT_HTML))
                .andExpect(status().isSeeOther())
                .andExpect(header().string(HttpHeaders.LOCATION, "/dashboard/sign-in"));
        mvc.perform(get("/dashboard/lanes").accept(MediaType.APPLICATION_JSON)).andExpect(status().isUnauthorized());
    }

    @Test
    void shouldRefuseAnActionWithoutASessionAndLeaveTheJobAlone() throws Exception {
        var job = queuedJob();
        mvc.perform(post("/dashboard/jobs/" + job + "/cancel").param("_csrf", "anything"))
                .andExpect(status().isUnauthorized());
        assertThat(jobs.find(job).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void shouldRefuseAWrongKeyWithoutACookieAndNeverLogTheKey(CapturedOutput output) throws Exception {
        mvc.perform(post("/dashboard/sign-in").param("api_key", "wrong-key-12345"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
        signIn();
        assertThat(output.getAll()).doesNotContain("wrong-key-12345").doesNotContain(API_KEY);
    }

    @Test
    void shouldSignInWithARealFormPostOverTheServersSocket() throws Exception {
        // MockMvc hands form fields over directly; a real server parses them from the body, which an earlier
        // filter must not have consumed.
        var base = "http://127.0.0.1:" + port;
        var http = HttpClient.newHttpClient();
        var form = HttpRequest.newBuilder(URI.create(base + "/dashboard/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString("api_key=" + API_KEY))
                .build();
        var answer = http.send(form, HttpResponse.BodyHandlers.discarding());
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/dashboard/jobs"));
        assertThat(answer.headers().firstValue("Set-Cookie"))
                .hasValueSatisfying(c -> assertThat(c).startsWith("evalify_session="));
    }

    @Test
    void shouldSetAnHttpOnlyStrictCookieThatIsSecureOnlyOverTls() throws Exception {
        var plain = mvc.perform(post("/dashboard/sign-in").param("api_key", API_KEY))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getHeader(HttpHeaders.SET_COOKIE);
        assertThat(plain).contains("HttpOnly").contains("SameSite=Strict").doesNotContain("Secure");
        var tls = mvc.perform(post("/dashboard/sign-in").secure(true).param("api_key", API_KEY))
                .andReturn()
                .getResponse()
                .getHeader(HttpHeaders.SET_COOKIE);
        assertThat(tls).contains("HttpOnly").contains("SameSite=Strict").contains("Secure");
    }

    @Test
    void shouldKeepOnlyADigestOfTheSessionInRedis() throws Exception {
        var session = signIn();
        assertThat(redis.keys("evalify:dashboard:session:*")).noneMatch(k -> k.contains(session.getValue()));
    }

    @Test
    void shouldRefuseAnActionWithAWrongOrMissingCsrfToken() throws Exception {
        var session = signIn();
        var job = queuedJob();
        mvc.perform(post("/dashboard/jobs/" + job + "/cancel").cookie(session).param("_csrf", "forged"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/dashboard/jobs/" + job + "/cancel").cookie(session)).andExpect(status().isForbidden());
        assertThat(jobs.find(job).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void shouldRefuseAnActionFromAnotherSiteEvenWithTheToken() throws Exception {
        var session = signIn();
        var token = csrfToken(session);
        var job = queuedJob();
        mvc.perform(post("/dashboard/jobs/" + job + "/cancel")
                        .cookie(session)
                        .param("_csrf", token)
                        .header(HttpHeaders.ORIGIN, "https://evil.example"))
                .andExpect(status().isForbidden());
        assertThat(jobs.find(job).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void shouldCancelAJobWithTheSessionsToken() throws Exception {
        var session = signIn();
        var job = queuedJob();
        mvc.perform(post("/dashboard/jobs/" + job + "/cancel").cookie(session).param("_csrf", csrfToken(session)))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string(HttpHeaders.LOCATION, "/dashboard/jobs/" + job + "?notice=cancelled"));
        assertThat(jobs.find(job).orElseThrow().status()).isEqualTo(JobStatus.CANCELLING);
    }

    @Test
    void shouldOpenAJobsEventStreamToASessionButNotToAnyoneElse() throws Exception {
        var session = signIn();
        var job = queuedJob();
        mvc.perform(get("/api/v1/jobs/evaluation/" + job + "/events").cookie(session))
                .andExpect(status().isOk())
                .andExpect(request().asyncStarted());
        mvc.perform(get("/api/v1/jobs/evaluation/" + job + "/events")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/jobs/evaluation/" + job).cookie(session)).andExpect(status().isUnauthorized());
    }

    @Test
    void shouldEndTheSessionOnSignOut() throws Exception {
        var session = signIn();
        mvc.perform(post("/dashboard/sign-out").cookie(session).param("_csrf", csrfToken(session)))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string(HttpHeaders.SET_COOKIE, org.hamcrest.Matchers.containsString("Max-Age=0")));
        mvc.perform(get("/dashboard/jobs").cookie(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().isSeeOther())
                .andExpect(header().string(HttpHeaders.LOCATION, "/dashboard/sign-in"));
    }

    @Test
    void shouldServeEveryPageWithAStrictContentSecurityPolicy() throws Exception {
        var session = signIn();
        var job = queuedJob();
        for (var page :
                new String[] {"/dashboard/jobs", "/dashboard/jobs/" + job, "/dashboard/jobs/" + job + "/failures"}) {
            mvc.perform(get(page).cookie(session))
                    .andExpect(status().isOk())
                    .andExpect(header().string(
                                    "Content-Security-Policy",
                                    org.hamcrest.Matchers.containsString("script-src 'self'")))
                    .andExpect(header().string("X-Frame-Options", "DENY"));
        }
    }

    private Cookie signIn() throws Exception {
        var response = mvc.perform(post("/dashboard/sign-in").param("api_key", API_KEY))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse();
        return response.getCookie("evalify_session");
    }

    private String csrfToken(Cookie session) throws Exception {
        var page = mvc.perform(get("/dashboard/jobs").cookie(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var match = CSRF.matcher(page);
        assertThat(match.find()).as("a CSRF field on the page").isTrue();
        return match.group(1);
    }

    private String queuedJob() {
        var job = aJob().build();
        jobs.create(job, null, null, false);
        return job.jobId();
    }
}
