package io.grantline.infra.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API reference generated from the controllers: {@code /v3/api-docs} and Swagger UI at
 * {@code /swagger-ui/index.html}, for signed-in people. docs/api.md explains it for humans.
 */
@Configuration(proxyBeanMethods = false)
class ApiReference {

    @Bean
    OpenAPI grantlineApi() {
        return new OpenAPI()
                .info(new Info().title("Grantline API").version("v1")
                        .description("Access requests, approvals, grants and compliance evidence for OT sites. JSON in and out; "
                                + "errors are RFC 9457 problems; commands answer 202 Accepted. See docs/api.md."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("apiToken", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("a Grantline API token, glt_…, from POST /api/tokens or the API tokens page")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("apiToken"));
    }
}
