package io.evalify.api.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI 3.1 description's header: title, version and the two ways to send the API key. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI evalifyOpenApi(ApiProperties properties) {
        var header = new SecurityScheme()
                .type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER)
                .name(properties.apiKeyHeader());
        var bearer = new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer");
        return new OpenAPI()
                .info(new Info()
                        .title("Evalify Evaluator API")
                        .version("v1")
                        .description("Evaluation jobs: create, follow (status, events), cancel, retry failed students;"
                                + " plus the old evaluator's /api/v1/evaluations endpoints."))
                .components(
                        new Components().addSecuritySchemes("apiKey", header).addSecuritySchemes("bearer", bearer))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
