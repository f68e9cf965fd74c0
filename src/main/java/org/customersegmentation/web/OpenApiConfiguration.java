package org.customersegmentation.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.stream.IntStream;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String API_KEY_SCHEME = "apiKey";
    private static final String PROBLEM_SCHEMA = "Problem";

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
                .components(new Components()
                        .addSecuritySchemes(API_KEY_SCHEME, new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER)
                                .name("X-API-Key"))
                        .addSchemas(PROBLEM_SCHEMA, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY_SCHEME));
    }

    /** Adds 401 to every API operation, and the statuses its {@link ProblemResponses} lists, as problem responses. */
    @Bean
    OperationCustomizer problemResponses() {
        return (operation, handler) -> {
            ProblemResponses declared = handler.getMethodAnnotation(ProblemResponses.class);
            IntStream.concat(IntStream.of(401), declared == null ? IntStream.empty() : IntStream.of(declared.value()))
                    .sorted()
                    .forEach(status -> operation.getResponses().addApiResponse(Integer.toString(status), new ApiResponse()
                            .description(HttpStatus.valueOf(status).getReasonPhrase())
                            .content(new Content().addMediaType("application/problem+json",
                                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))))));
            return operation;
        };
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem. Content errors may add members such as line, column, feature or parameter.")
                .addProperty("type", new StringSchema().format("uri").description("Identifies the kind of problem"))
                .addProperty("title", new StringSchema().description("Short summary of the kind of problem"))
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What went wrong and what to fix"))
                .addProperty("instance", new StringSchema().format("uri").description("The request path"));
    }
}
