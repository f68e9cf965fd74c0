package org.customersegmentation.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the running service over HTTP with one tenant's API key (or none). */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Set<String> FINISHED = Set.of("SUCCEEDED", "FAILED", "CANCELLED");

    private final String baseUrl;
    private final String credentialHeader;
    private final String apiKey;

    public ApiClient(int port, String apiKey) {
        this(port, "X-API-Key", apiKey);
    }

    private ApiClient(int port, String credentialHeader, String credential) {
        this.baseUrl = "http://localhost:" + port;
        this.credentialHeader = credentialHeader;
        this.apiKey = credential;
    }

    /** A client of the operator API, with the operator's key. */
    public static ApiClient operator(int port, String operatorKey) {
        return new ApiClient(port, "X-Operator-Key", operatorKey);
    }

    /** A client sending an OAuth2 bearer token. */
    public static ApiClient bearer(int port, String token) {
        return new ApiClient(port, "Authorization", "Bearer " + token);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    /** A GET with further headers: name, value, name, value ... */
    public Response get(String path, String... headers) {
        HttpRequest.Builder request = request(path);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.GET());
    }

    public Response postCsv(String path, String csv) {
        return send(request(path).header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    public Response postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST of these bytes with this Content-Type and any further headers (name, value, name, value ...). */
    public Response post(String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = request(path).header("Content-Type", contentType);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response put(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    public Response patch(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response postMultipart(String path, String fileName, String csv) {
        String boundary = "----segmentation-test-boundary";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Uploads a CSV and returns the new dataset's id, failing the test unless it was created. */
    public String uploadDataset(String name, String csv) {
        Response response = postCsv("/api/v1/datasets?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8), csv);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    /** Starts a job and returns its id, failing the test unless it was accepted. */
    public String startJob(String requestJson) {
        Response response = postJson("/api/v1/segmentations", requestJson);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().get("id").asString();
    }

    /** Polls the job until it has finished, and returns it. */
    public JsonNode awaitFinished(String jobId) {
        return awaitFinished(jobId, Duration.ofSeconds(60));
    }

    public JsonNode awaitFinished(String jobId, Duration atMost) {
        return awaitJob(jobId, job -> FINISHED.contains(job.get("status").asString()), atMost);
    }

    /** Polls the job until it is as the test expects, and returns it. */
    public JsonNode awaitJob(String jobId, Predicate<JsonNode> expected, Duration atMost) {
        AtomicReference<JsonNode> job = new AtomicReference<>();
        await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> {
            Response response = get("/api/v1/segmentations/" + jobId);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            job.set(response.json());
            return expected.test(response.json());
        });
        return job.get();
    }

    /** A result's JSON without its reportUrl, which is signed for each job and names the host: for comparing results. */
    public static String withoutReportUrl(String resultJson) {
        return resultJson.replaceFirst(",\"reportUrl\":\"[^\"]*\"", "");
    }

    /** GETs a binary body, such as a PNG. */
    public HttpResponse<byte[]> getBytes(String path) {
        try {
            HttpRequest request = request(path).GET().build();
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
            ResponseSchemas.check(request.method(), request.uri(), response.statusCode(), response.headers(),
                    json ? new String(response.body(), StandardCharsets.UTF_8) : "");
            return response;
        } catch (IOException e) {
            throw new AssertionError("HTTP call failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (apiKey != null) {
            builder.header(credentialHeader, apiKey);
        }
        return builder;
    }

    private static Response send(HttpRequest.Builder builder) {
        try {
            HttpRequest request = builder.build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            ResponseSchemas.check(request.method(), request.uri(), response.statusCode(), response.headers(),
                    response.body());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new AssertionError("HTTP call failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        /** Asserts an RFC 9457 problem with this status, and returns it. */
        public JsonNode problem(int expectedStatus) {
            assertThat(status).as(body).isEqualTo(expectedStatus);
            assertThat(contentType()).isEqualTo("application/problem+json");
            JsonNode problem = json();
            assertThat(problem.get("status").asInt()).isEqualTo(expectedStatus);
            assertThat(problem.has("type")).as("type in " + body).isTrue();
            assertThat(problem.has("title")).as("title in " + body).isTrue();
            assertThat(problem.get("detail").asString()).isNotBlank();
            return problem;
        }
    }
}
