package io.evalify.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.evalify.fakes.backend.BackendRoute;
import io.evalify.schemas.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the running API shows to whom: metrics and health details only with a key, health probes to anyone, and
 * a backend's own error text never to the caller (who gets a stable problem type and a correlation id).
 */
class ExposureIntegrationTest extends FullStackTest {

    @Autowired
    private MockMvc mvc;

    @LocalServerPort
    private int port;

    @Test
    void shouldServeMetricsOnlyWithAKey() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + API_KEY))
                .andExpect(status().isOk());
    }

    @Test
    void shouldNotOpenTheRestOfActuatorThroughAPathUnderHealth() throws Exception {
        // A real server: the container resolves the dots, and the key check must judge the path it resolved
        // (MVC's own mapping does not resolve them, which is why this was a 404, not metrics, when it did not).
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/../prometheus"))
                .GET()
                .build();
        try (var http = HttpClient.newHttpClient()) {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).doesNotContain("jvm_");
        }
    }

    @Test
    void shouldAnswerHealthProbesWithoutAKeyButShowDetailsOnlyWithOne() throws Exception {
        var anonymous = mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Json.mapper().readTree(anonymous).has("components")).isFalse();
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health").header("API_KEY", API_KEY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.redis").exists());
    }

    @Test
    void shouldHideTheBackendsErrorTextBehindAStableTypeAndACorrelationId() throws Exception {
        BACKEND.faults(BackendRoute.STUDENTS).error500Rate(1.0);
        try {
            var response = mvc.perform(post("/api/v1/jobs/evaluation")
                            .header("API_KEY", API_KEY)
                            .header("X-Request-Id", "trace-42")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"quiz_id\":\"" + UUID.randomUUID() + "\"}"))
                    .andExpect(status().isBadGateway())
                    .andExpect(header().string("X-Request-Id", "trace-42"))
                    .andExpect(jsonPath("$.type").value("https://evalify.io/problems/backend-unavailable"))
                    .andExpect(jsonPath("$.correlation_id").value("trace-42"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(response).doesNotContain("HTTP 500", "/eval/quiz", "fake");
        } finally {
            BACKEND.faults(BackendRoute.STUDENTS).clear();
        }
    }

    @Test
    void shouldGiveEveryProblemACorrelationIdEvenWithoutOneFromTheCaller() throws Exception {
        mvc.perform(get("/api/v1/jobs/evaluation/" + UUID.randomUUID()).header("API_KEY", API_KEY))
                .andExpect(status().isNotFound())
                .andExpect(header().exists("X-Request-Id"))
                .andExpect(jsonPath("$.correlation_id").isNotEmpty());
    }
}
