package org.customersegmentation.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String API_KEY_SCHEME = "apiKey";

    @Bean
    OpenAPI segmentationOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Customer Segmentation Service")
                        .version("v1")
                        .description("Upload a CRM's customer export, segment it with k-means in the background, "
                                + "and read back segments with readable profiles. Every call under /api needs an "
                                + "X-API-Key header; errors are application/problem+json (RFC 9457).")
                        .license(new License().name("Apache-2.0")))
                // A relative server keeps the description identical whatever host and port serve it.
                .servers(List.of(new Server().url("/")))
                .components(new Components().addSecuritySchemes(API_KEY_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name("X-API-Key")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY_SCHEME));
    }
}
