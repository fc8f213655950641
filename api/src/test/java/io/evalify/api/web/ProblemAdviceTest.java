package io.evalify.api.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.evalify.api.SliceTestConfig;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Spring's own client errors, dependency outages, unexpected failures and the body limit, as problem details. */
@WebMvcTest(
        controllers = ProblemAdviceTest.EdgeController.class,
        properties = {SliceTestConfig.KEY_PROPERTY, "evalify.api.max-body-size=1KB"})
@Import({SliceTestConfig.class, ProblemAdviceTest.EdgeController.class})
@ActiveProfiles("edge-test")
class ProblemAdviceTest {

    @Autowired
    private MockMvc mvc;

    @Test
    void shouldNameAMissingRequiredHeader() throws Exception {
        mvc.perform(get("/edge/header").header("API_KEY", SliceTestConfig.API_KEY))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://evalify.io/problems/bad-request"))
                .andExpect(jsonPath("$.errors[0].parameter").value("X-Needed"));
    }

    @Test
    void shouldAnswerAnUnacceptableMediaTypeWith406() throws Exception {
        mvc.perform(get("/edge/header")
                        .header("X-Needed", "1")
                        .accept(MediaType.IMAGE_PNG)
                        .header("API_KEY", SliceTestConfig.API_KEY))
                .andExpect(status().isNotAcceptable());
    }

    @Test
    void shouldAnswerAStoreOutageWith503() throws Exception {
        mvc.perform(get("/edge/redis").header("API_KEY", SliceTestConfig.API_KEY))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.type").value("https://evalify.io/problems/store-unavailable"));
    }

    @Test
    void shouldAnswerABrokerFailureNoServiceMappedWith503() throws Exception {
        mvc.perform(get("/edge/kafka").header("API_KEY", SliceTestConfig.API_KEY))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(jsonPath("$.type").value("https://evalify.io/problems/broker-unavailable"));
    }

    @Test
    void shouldNotLeakTheMessageOfAnUnexpectedFailure() throws Exception {
        mvc.perform(get("/edge/bug").header("API_KEY", SliceTestConfig.API_KEY))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.type").value("https://evalify.io/problems/internal-error"))
                .andExpect(content().string(not(containsString("s3cret"))));
    }

    @Test
    void shouldRefuseADeclaredBodyOverTheLimitWith413() throws Exception {
        mvc.perform(post("/edge/echo")
                        .header("API_KEY", SliceTestConfig.API_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("\"" + "x".repeat(1100) + "\""))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.type").value("https://evalify.io/problems/payload-too-large"))
                .andExpect(jsonPath("$.status").value(413))
                .andExpect(jsonPath("$.max_body_bytes").value(1024));
    }

    @Test
    void shouldPassABodyWithinTheLimitThroughUnchanged() throws Exception {
        var body = "\"" + "é".repeat(400) + "\"";
        mvc.perform(post("/edge/echo")
                        .header("API_KEY", SliceTestConfig.API_KEY)
                        .contentType("application/json;charset=UTF-8")
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(content().string(body));
    }

    @Test
    void shouldCheckTheKeyBeforeTheSize() throws Exception {
        mvc.perform(post("/edge/echo").contentType(MediaType.APPLICATION_JSON).content("x".repeat(5000)))
                .andExpect(status().isUnauthorized());
    }

    /** Endpoints that fail in each way; only active in this test's profile. */
    @RestController
    @Profile("edge-test")
    static class EdgeController {

        @GetMapping(path = "/edge/header", produces = MediaType.APPLICATION_JSON_VALUE)
        String header(@RequestHeader("X-Needed") String needed) {
            return "{}";
        }

        @GetMapping("/edge/redis")
        String redis() {
            throw new QueryTimeoutException("redis timed out");
        }

        @GetMapping("/edge/kafka")
        String kafka() {
            throw new TimeoutException("Topic evalify.tasks not present in metadata after 30000 ms.");
        }

        @GetMapping("/edge/bug")
        String bug() {
            throw new IllegalStateException("password=s3cret");
        }

        @PostMapping(path = "/edge/echo", produces = MediaType.APPLICATION_JSON_VALUE)
        String echo(@RequestBody String body) {
            return body;
        }
    }
}
