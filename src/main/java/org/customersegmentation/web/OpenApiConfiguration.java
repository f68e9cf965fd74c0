package org.customersegmentation.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.servers.Server;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String REPORT_TOKEN = "token";
    private static final String PROBLEM_SCHEMA = "Problem";
    private static final String RATE_LIMIT_POLICY = "RateLimit-Policy";
    private static final String RATE_LIMIT = "RateLimit";

    @Bean
    OpenAPI segmentationOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Customer Segmentation Service")
                        .version("v1")
                        .description("Upload a CRM's customer export, segment it with k-means in the background, "
                                + "and read back segments with readable profiles. Every call under /api needs an "
                                + "X-API-Key header or an OAuth2 bearer token; errors are application/problem+json "
                                + "(RFC 9457).")
                        .license(new License().name("GPL-3.0-or-later").identifier("GPL-3.0-or-later")))
                // A relative server keeps the description identical whatever host and port serve it.
                // x-internal: false says the API is public, for linters that check an inventory
                .servers(List.of(new Server().url("/").extensions(Map.of("x-internal", false))))
                .components(new Components()
                        .addSchemas(PROBLEM_SCHEMA, problemSchema())
                        .addHeaders(RATE_LIMIT_POLICY, new Header().description("The tenant's request rate limit "
                                        + "(IETF draft-ietf-httpapi-ratelimit-headers): q requests, refilled over w "
                                        + "seconds, e.g. \"tenant\";q=100;w=2")
                                .schema(new StringSchema().maxLength(100).example("\"tenant\";q=100;w=2")))
                        .addHeaders(RATE_LIMIT, new Header().description("Requests the tenant has left now (r), and "
                                        + "when over its limit the seconds until it may send again (t), e.g. "
                                        + "\"tenant\";r=57 or \"tenant\";r=0;t=1")
                                .schema(new StringSchema().maxLength(100).example("\"tenant\";r=57"))));
    }

    /**
     * A property marked nullable whose schema is a reference comes out as {@code type: "null"} beside the
     * {@code $ref}, which JSON Schema reads as "null and the referenced object" at once. It is rewritten as
     * {@code anyOf: [$ref, {type: "null"}]}, which means what the annotation says and generated clients read.
     */
    @Bean
    @SuppressWarnings({"rawtypes", "unchecked"}) // swagger-models' maps are raw
    OpenApiCustomizer nullableReferences() {
        return openApi -> {
            for (Schema schema : openApi.getComponents().getSchemas().values()) {
                Map<String, Schema> properties = schema.getProperties();
                if (properties != null) {
                    properties.replaceAll((name, property) -> isNullableReference(property)
                            ? new JsonSchema().description(property.getDescription()).anyOf(List.of(
                                    new JsonSchema().$ref(property.get$ref()), new JsonSchema().types(Set.of("null"))))
                            : property);
                }
            }
        };
    }

    /** Lets the values of a {@link NullableValues} map, or the innermost items of such an array, be null too. */
    @Bean
    PropertyCustomizer nullableValues() {
        return (property, type) -> {
            if (type.getCtxAnnotations() != null && Arrays.stream(type.getCtxAnnotations())
                    .anyMatch(annotation -> annotation instanceof NullableValues)) {
                Schema<?> values = property;
                while (values.getItems() != null) {
                    values = values.getItems();
                }
                if (values == property && property.getAdditionalProperties() instanceof Schema<?> mapValues) {
                    values = mapValues;
                }
                values.addType("null");
            }
            return property;
        };
    }

    private static boolean isNullableReference(Schema<?> property) {
        return property.get$ref() != null && property.getTypes() != null && property.getTypes().contains("null");
    }

    /**
     * Adds 401, 403 (a scope the key lacks), 429 (the tenant's request rate), 500 and 503 (the database went away) to
     * every API operation, 413 to every one with a request body, and the statuses its {@link ProblemResponses} lists,
     * as problem responses; 429 and 503 say when to try again. Every answer but a 401 or 403 carries the tenant's
     * RateLimit fields. Operations of the {@link OperatorApi} (the operator's key opens them all) have neither 403 nor rate limit.
     */
    @Bean
    OperationCustomizer problemResponses() {
        return (operation, handler) -> {
            if (handler.hasMethodAnnotation(OpensWithReportToken.class)) {
                operation.addParametersItem(new Parameter().in("query").name(REPORT_TOKEN).required(false)
                        .description("The signed token of a result's reportUrl: it opens this without an API key or "
                                + "bearer token until it expires. Leave it out when sending an X-API-Key.")
                        .schema(new StringSchema().maxLength(512)));
            }
            ProblemResponses declared = handler.getMethodAnnotation(ProblemResponses.class);
            if (handler.getBeanType().isAnnotationPresent(OperatorApi.class)) {
                IntStream.concat(IntStream.of(401, 500, 503), declared == null ? IntStream.empty() : IntStream.of(declared.value()))
                        .sorted()
                        .distinct()
                        .forEach(status -> operation.getResponses().addApiResponse(Integer.toString(status), problem(status)));
                return operation;
            }
            IntStream always = operation.getRequestBody() == null ? IntStream.of(401, 403, 429, 500, 503)
                    : IntStream.of(401, 403, 413, 429, 500, 503);
            IntStream.concat(always, declared == null ? IntStream.empty() : IntStream.of(declared.value()))
                    .sorted()
                    .distinct()
                    .forEach(status -> operation.getResponses().addApiResponse(Integer.toString(status), problem(status)));
            operation.getResponses().forEach((status, response) -> {
                // a 401 or 403 is answered before the tenant's request is counted
                if (!status.equals("401") && !status.equals("403")) {
                    response.addHeaderObject(RATE_LIMIT_POLICY, new Header().$ref("#/components/headers/" + RATE_LIMIT_POLICY));
                    response.addHeaderObject(RATE_LIMIT, new Header().$ref("#/components/headers/" + RATE_LIMIT));
                }
            });
            return operation;
        };
    }

    private static ApiResponse problem(int status) {
        ApiResponse response = new ApiResponse().description(HttpStatus.valueOf(status).getReasonPhrase())
                .content(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
        if (status == HttpStatus.TOO_MANY_REQUESTS.value() || status == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            response.addHeaderObject(HttpHeaders.RETRY_AFTER, retryAfter("Seconds to wait before trying again"));
        } else if (status == HttpStatus.CONFLICT.value()) {
            response.addHeaderObject(HttpHeaders.RETRY_AFTER, retryAfter("Sent when the conflict passes by itself (a "
                    + "request with the same Idempotency-Key still being processed): seconds to wait before retrying"));
        }
        return response;
    }

    private static Header retryAfter(String description) {
        return new Header().description(description)
                .schema(new IntegerSchema().minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(3600)));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem. Some problems add members that say where the fault is: parameter, "
                        + "line, column, feature, customer, jobStatus, queued, scope, estimatedCost, maxCost, estimatedBytes or maxBytes.")
                .addProperty("type", new StringSchema().format("uri").description("Identifies the kind of problem"))
                .addProperty("title", new StringSchema().description("Short summary of the kind of problem"))
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What went wrong and what to fix"))
                .addProperty("instance", new StringSchema().format("uri-reference").description("The request path"))
                .addProperty("parameter", new StringSchema().description("The request parameter or body field at fault"))
                .addProperty("line", new IntegerSchema().format("int64").description("The upload's line at fault, from 1"))
                .addProperty("column", new StringSchema().description("The upload's column at fault"))
                .addProperty("feature", new StringSchema().description("The feature at fault"))
                .addProperty("customer", new IntegerSchema().description("The customer at fault, by its place in the "
                        + "request, from 1"))
                .addProperty("jobStatus", new StringSchema().description("The status of the job, when it does not allow "
                        + "the request")._enum(List.of("QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED")))
                .addProperty("queued", new IntegerSchema().format("int64").description("How many of the caller's jobs "
                        + "are waiting to run"))
                .addProperty("scope", new StringSchema().description("The scope a key or token lacks for the request"))
                .addProperty("estimatedCost", new NumberSchema().description("What a refused segmentation could cost, "
                        + "in coordinate comparisons"))
                .addProperty("maxCost", new NumberSchema().description("The most a segmentation of the caller's may "
                        + "cost, in coordinate comparisons"))
                .addProperty("estimatedBytes", new IntegerSchema().format("int64").description("The heap a refused "
                        + "segmentation was estimated to need, in bytes"))
                .addProperty("maxBytes", new IntegerSchema().format("int64").description("The heap one segmentation may "
                        + "use on the service, in bytes"))
                .addProperty("traceId", new StringSchema().description("The W3C trace ID of the request, as its log "
                        + "lines carry it (that of the traceparent sent in, if any): quote it when reporting a problem"));
    }
}
