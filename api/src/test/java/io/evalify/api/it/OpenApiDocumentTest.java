package io.evalify.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.evalify.schemas.Json;
import io.evalify.schemas.SchemaName;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI description springdoc serves agrees with schemas/ (the source of truth): every body that has a JSON
 * Schema has an OpenAPI component with exactly the same properties, nested objects included.
 */
class OpenApiDocumentTest extends FullStackTest {

    @Autowired
    private MockMvc mvc;

    private JsonNode openApi;

    @BeforeEach
    void readTheDescription() throws Exception {
        var body = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn();
        openApi = Json.mapper().readTree(body.getResponse().getContentAsString());
    }

    @Test
    void shouldServeOpenApi31WithEveryEndpoint() {
        assertThat(openApi.path("openapi").asString()).startsWith("3.1");
        assertThat(openApi.path("paths").propertyNames())
                .contains(
                        "/api/v1/jobs/evaluation",
                        "/api/v1/jobs/evaluation/{jobId}",
                        "/api/v1/jobs/evaluation/{jobId}/cancel",
                        "/api/v1/jobs/evaluation/{jobId}/events",
                        "/api/v1/jobs/evaluation/{jobId}/failures",
                        "/api/v1/jobs/evaluation/{jobId}/retry-failed",
                        "/api/v1/evaluations",
                        "/api/v1/evaluations/{quizId}/progress",
                        "/api/v1/health",
                        "/api/v1/version");
        assertThat(openApi.path("components").path("securitySchemes").propertyNames())
                .contains("apiKey", "bearer");
    }

    @Test
    void shouldServeSwaggerUiAndTheOldDocsPaths() throws Exception {
        mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/docs")).andExpect(header().string("Location", "/swagger-ui.html"));
        mvc.perform(get("/openapi.json")).andExpect(status().isOk());
    }

    @ParameterizedTest
    @CsvSource({
        "JOB_SUBMISSION, JobSubmission",
        "JOB_ACCEPTED, JobAccepted",
        "JOB_STATUS, JobStatusResponse",
        "COMPAT_EVALUATION_REQUEST, CompatRequest",
        "COMPAT_PROGRESS, CompatProgress"
    })
    void shouldDescribeEachBodyWithExactlyTheSchemasProperties(SchemaName schema, String component) throws IOException {
        var jsonSchema = Json.mapper().readTree(new ClassPathResource(schema.resourcePath()).getInputStream());
        compare(jsonSchema, jsonSchema, component(component), schema.baseName());
    }

    /** Compares property names, then recurses into properties that are objects on both sides. */
    private void compare(JsonNode root, JsonNode jsonSchema, JsonNode openApiSchema, String where) {
        var expected = names(jsonSchema.path("properties"));
        var actual = names(openApiSchema.path("properties"));
        assertThat(actual).as("properties of %s", where).isEqualTo(expected);
        for (var property : expected) {
            var nested = resolveLocal(root, jsonSchema.path("properties").path(property));
            var ref =
                    openApiSchema.path("properties").path(property).path("$ref").asString("");
            if (nested.has("properties") && !ref.isEmpty()) {
                compare(root, nested, component(ref.substring(ref.lastIndexOf('/') + 1)), where + "/" + property);
            }
        }
    }

    private JsonNode component(String name) {
        var schema = openApi.path("components").path("schemas").path(name);
        assertThat(schema.isMissingNode()).as("OpenAPI component %s", name).isFalse();
        return schema;
    }

    /** Follows a {@code #/$defs/...} reference inside the same schema file. */
    private static JsonNode resolveLocal(JsonNode root, JsonNode node) {
        var ref = node.path("$ref").asString("");
        return ref.startsWith("#/") ? root.at(ref.substring(1)) : node;
    }

    private static Set<String> names(JsonNode properties) {
        return new TreeSet<>(properties.propertyNames());
    }
}
