package io.evalify.api.auth;

import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.evalify.api.SliceTestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RestController;

/**
 * The key check runs before routing, so these requests need no controller: a 404 behind the filter proves the key
 * was accepted, a 401 that it was not.
 */
@WebMvcTest(
        controllers = ApiKeyFilterTest.NoController.class,
        properties = {SliceTestConfig.KEY_PROPERTY, SliceTestConfig.SECOND_KEY_PROPERTY})
@Import(SliceTestConfig.class)
@ActiveProfiles("auth-test")
class ApiKeyFilterTest {

    private static final String JOB = "/api/v1/jobs/evaluation/j1";

    @Autowired
    private MockMvc mvc;

    @Test
    void shouldRefuseAMissingKeyWithProblemDetails() throws Exception {
        mvc.perform(get(JOB))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType("application/problem+json;charset=UTF-8"))
                .andExpect(jsonPath("$.type").value("https://evalify.io/problems/unauthorized"))
                .andExpect(jsonPath("$.title").value("Unauthorized"))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void shouldRefuseAWrongKeyAndAWrongBearer() throws Exception {
        mvc.perform(get(JOB).header("API_KEY", "nope")).andExpect(status().isUnauthorized());
        mvc.perform(get(JOB).header("Authorization", "Bearer nope")).andExpect(status().isUnauthorized());
        mvc.perform(get(JOB).header("Authorization", "Basic " + SliceTestConfig.API_KEY))
                .andExpect(status().isUnauthorized());
        mvc.perform(get(JOB).header("API_KEY", SliceTestConfig.API_KEY + "x")).andExpect(status().isUnauthorized());
    }

    @Test
    void shouldAcceptTheKeyHeaderOrABearerToken() throws Exception {
        mvc.perform(get(JOB).header("API_KEY", SliceTestConfig.API_KEY)).andExpect(status().isNotFound());
        mvc.perform(get(JOB).header("Authorization", "Bearer " + SliceTestConfig.API_KEY))
                .andExpect(status().isNotFound());
        mvc.perform(get(JOB).header("authorization", "bearer " + SliceTestConfig.API_KEY))
                .andExpect(status().isNotFound());
    }

    @Test
    void shouldCheckTheKeyBeforeTheBody() throws Exception {
        mvc.perform(post("/api/v1/jobs/evaluation")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{not json"))
                .andExpect(status().isUnauthorized());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/health",
                "/api/v1/version",
                "/docs",
                "/redoc",
                "/openapi.json",
                "/swagger-ui.html",
                "/swagger-ui/index.html",
                "/v3/api-docs",
                "/actuator/health",
                "/actuator/health/liveness"
            })
    void shouldLeaveOpenPathsOpen(String path) throws Exception {
        mvc.perform(get(path)).andExpect(status().is(not(401)));
    }

    @Test
    void shouldLetPreflightRequestsThrough() throws Exception {
        mvc.perform(options(JOB)).andExpect(status().is(not(401)));
    }

    /** Loads no endpoint: the slice keeps only the filters. */
    @RestController
    @Profile("auth-test")
    static class NoController {}

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/env", "/actuator/prometheus", "/actuator/info"})
    void shouldProtectTheRestOfActuator(String path) throws Exception {
        mvc.perform(get(path)).andExpect(status().isUnauthorized());
    }

    @Test
    void shouldAcceptANamedKeyBesideThePrimaryOne() throws Exception {
        mvc.perform(get(JOB).header("API_KEY", SliceTestConfig.SECOND_KEY)).andExpect(status().isNotFound());
    }
}
