package org.customersegmentation.support;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Checks every JSON answer the end-to-end tests receive against the committed openapi/openapi.yaml: the operation
 * must declare the status and content type, and the body must match the schema declared for them. Integrators'
 * generated clients trust that description; a response it does not describe fails the test that received it.
 */
public final class ResponseSchemas {

    private static final String DOCUMENT_IRI = "https://customer-segmentation.test/openapi.yaml";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNode DOCUMENT = YAMLMapper.builder().build().readTree(Path.of("openapi", "openapi.yaml").toFile());
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
            builder -> builder.schemas(Map.of(DOCUMENT_IRI, JSON.writeValueAsString(DOCUMENT))));
    private static final List<Route> ROUTES = routes();

    private record Route(String template, Pattern pattern) {
    }

    private ResponseSchemas() {
    }

    /** Headers a client acts on: an answer that carries one must declare it. */
    private static final List<String> ACTIONABLE_HEADERS = List.of("Location", "Retry-After", "RateLimit",
            "RateLimit-Policy");

    /**
     * Fails with what differs when an answer to an API operation is not what the description declares: its status,
     * the headers a client acts on, and for JSON its content type and body.
     */
    public static void check(String method, URI uri, int status, HttpHeaders headers, String body) {
        if (!uri.getPath().startsWith("/api/")) {
            return;
        }
        Route route = ROUTES.stream().filter(candidate -> candidate.pattern().matcher(uri.getPath()).matches()
                && DOCUMENT.path("paths").path(candidate.template()).has(method.toLowerCase(Locale.ROOT)))
                .findFirst().orElse(null);
        if (route == null) {
            return; // not an operation of the API (a wrong method or path a test sends on purpose)
        }
        String operation = method.toUpperCase(Locale.ROOT) + " " + route.template();
        JsonNode responses = DOCUMENT.path("paths").path(route.template()).path(method.toLowerCase(Locale.ROOT))
                .path("responses");
        if (!responses.has(Integer.toString(status))) {
            throw new AssertionError(operation + " answered " + status + ", which openapi.yaml does not declare: " + body);
        }
        JsonNode declared = responses.path(Integer.toString(status)).path("headers");
        for (String header : ACTIONABLE_HEADERS) {
            boolean isDeclared = declared.propertyNames().stream().anyMatch(header::equalsIgnoreCase);
            if (headers.firstValue(header).isPresent() && !isDeclared) {
                throw new AssertionError(operation + " answered " + status + " with a " + header + " header that "
                        + "openapi.yaml does not declare for it");
            }
        }
        String mediaType = headers.firstValue("Content-Type").orElse("").split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.endsWith("json") || body.isEmpty()) {
            return;
        }
        // media types ignore case (RFC 9110): the description may spell one in capitals for Swagger UI's sake
        String declaredType = responses.path(Integer.toString(status)).path("content").propertyNames().stream()
                .filter(mediaType::equalsIgnoreCase).findFirst().orElseThrow(() -> new AssertionError(operation
                        + " answered " + status + " as " + mediaType + ", a content type openapi.yaml does not "
                        + "declare for it"));
        if (mediaType.equals("application/x-ndjson")) {
            return; // a stream of JSON texts, described as a string: the tests check its lines themselves
        }
        String pointer = "/paths/" + escape(route.template()) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/"
                + status + "/content/" + escape(declaredType) + "/schema";
        Schema schema = REGISTRY.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + pointer));
        List<Error> errors = schema.validate(JSON.readTree(body));
        if (!errors.isEmpty()) {
            throw new AssertionError(operation + " answered " + status + " with a body that does not match openapi.yaml: "
                    + errors.stream().map(error -> error.getInstanceLocation() + " " + error.getMessage()).toList()
                    + "\n" + body);
        }
    }

    private static List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        DOCUMENT.path("paths").propertyNames().forEach(template -> routes.add(new Route(template,
                Pattern.compile(Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/.]+\\\\Q")))));
        return routes;
    }

    /** A JSON Pointer reference token. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
