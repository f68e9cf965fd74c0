package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.RawHttp;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests malformed below the API (rejected by Tomcat or by Spring Security's firewall) and malformed bodies:
 * each is a 4xx application/problem+json whose detail says what was wrong without naming a Java type.
 */
@EndToEndTest
class MalformedRequestsEndToEndTest {

    private static final String KEY = "X-API-Key: " + Tenants.ACME_KEY + "\r\n";
    private static final byte[] CSV = "id,spend\na,1\nb,2\n".getBytes(StandardCharsets.US_ASCII);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void aControlCharacterInAQueryParameterNameOfAnUploadIsABadRequest() throws IOException {
        JsonNode problem = problem(400, upload("/api/v1/datasets?na%01me=x", ""));

        assertThat(problem.get("detail").asString()).contains("parameter");
    }

    @Test
    void aC1ControlCharacterInAHeaderOfAnUploadIsABadRequest() throws IOException {
        JsonNode problem = problem(400, upload("/api/v1/datasets?name=c1", "Idempotency-Key: key\u0085\r\n"));

        assertThat(problem.get("detail").asString()).contains("header");
    }

    @Test
    void aGzipBodyCutOffInsideItsHeaderIsABadRequest() throws IOException {
        byte[] cut = {0x1f, (byte) 0x8b, 8, 0, 0};
        JsonNode problem = problem(400, RawHttp.exchange(port, "POST /api/v1/datasets?name=cut HTTP/1.1\r\n"
                + "Host: localhost\r\n" + KEY + "Content-Type: text/csv\r\n", cut));

        assertThat(problem.get("detail").asString()).contains("not valid gzip");
    }

    @Test
    void aGzipBodyCutOffInItsDataIsABadRequestNotAnInterruptedUpload() throws IOException {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            for (int i = 0; i < 5_000; i++) {
                gzip.write(("c" + i + "," + (i * 7919 % 1000) + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
        byte[] half = Arrays.copyOf(gzipped.toByteArray(), gzipped.size() / 2);
        JsonNode problem = problem(400, RawHttp.exchange(port, "POST /api/v1/datasets?name=half HTTP/1.1\r\n"
                + "Host: localhost\r\n" + KEY + "Content-Type: text/csv\r\n", half));

        assertThat(problem.get("detail").asString()).contains("not valid gzip");
    }

    @Test
    void aDirectRequestForTheErrorPageIsNotFound() throws IOException {
        problem(404, RawHttp.exchange(port, "GET /error HTTP/1.1\r\nHost: localhost\r\n", null));
    }

    @Test
    void headersTooLargeAreAProblem() throws IOException {
        JsonNode problem = problem(400, get("/api/v1/datasets", "X-Padding: " + "a".repeat(10_000) + "\r\n"));

        assertThat(problem.get("detail").asString()).contains("header");
    }

    @Test
    void aControlCharacterInAHeaderIsAProblem() throws IOException {
        problem(400, get("/api/v1/datasets", "X-Note: a\u0001b\r\n"));
    }

    @Test
    void encodedNulSlashAndBackslashInAPathAreProblems() throws IOException {
        for (String path : List.of("/api/v1/datasets/a%00b", "/api/v1/datasets/a%2Fb", "/api/v1/datasets/a%5Cb")) {
            JsonNode problem = problem(400, get(path, ""));
            assertThat(problem.get("detail").asString()).as(path).contains("URL");
        }
    }

    @Test
    void aUrlTheFirewallRefusesSaysWhatItRefused() throws IOException {
        JsonNode problem = problem(400, get("/api/v1/datasets/;x", ""));

        assertThat(problem.get("title").asString()).isEqualTo("Request rejected");
        assertThat(problem.get("detail").asString()).contains("\";\"").contains("check the URL");
    }

    @Test
    void aRequestLineOver8KbIsAProblem() throws IOException {
        JsonNode problem = problem(400, get("/api/v1/datasets?padding=" + "a".repeat(9_000), ""));

        assertThat(problem.get("detail").asString()).contains("8 KB");
    }

    @Test
    void aMalformedAcceptHeaderIsAProblem() throws IOException {
        JsonNode problem = problem(400, get("/api/v1/datasets", "Accept: ///\r\n"));

        assertThat(problem.get("detail").asString()).contains("Accept header");
    }

    @Test
    void anInvalidEnumValueNamesTheFieldAndItsValues() throws IOException {
        byte[] body = """
                {"datasetId": "00000000-0000-0000-0000-000000000000", "k": 2, "scaling": "LOUD"}"""
                .getBytes(StandardCharsets.UTF_8);
        JsonNode problem = problem(400, RawHttp.exchange(port, "POST /api/v1/segmentations HTTP/1.1\r\n"
                + "Host: localhost\r\n" + KEY + "Content-Type: application/json\r\n", body));

        assertThat(problem.get("detail").asString()).contains("scaling").contains("STANDARD, MINMAX, ROBUST, NONE");
    }

    @Test
    void noDetailNamesAJavaOrInternalType() throws IOException {
        List<RawHttp.Response> responses = new ArrayList<>();
        responses.add(upload("/api/v1/datasets?na%01me=x", ""));
        responses.add(upload("/api/v1/datasets?name=c1", "Idempotency-Key: key\u0085\r\n"));
        responses.add(RawHttp.exchange(port, "POST /api/v1/datasets?name=cut HTTP/1.1\r\nHost: localhost\r\n" + KEY
                + "Content-Type: text/csv\r\n", new byte[] {0x1f, (byte) 0x8b, 8, 0, 0}));
        responses.add(RawHttp.exchange(port, "POST /api/v1/datasets?name=cut HTTP/1.1\r\nHost: localhost\r\n" + KEY
                + "Content-Type: text/csv\r\n", new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3}));
        responses.add(RawHttp.exchange(port, "POST /api/v1/datasets HTTP/1.1\r\nHost: localhost\r\n" + KEY
                + "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Encoding: gzip\r\n",
                new byte[] {0x1f, (byte) 0x8b, 8}));
        responses.add(RawHttp.exchange(port, "POST /api/v1/datasets HTTP/1.1\r\nHost: localhost\r\n" + KEY
                + "Content-Type: multipart/form-data; boundary=xyz\r\n",
                "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nid,a\n1,2\n"
                        .getBytes(StandardCharsets.US_ASCII)));
        responses.add(RawHttp.exchange(port, "POST /api/v1/segmentations HTTP/1.1\r\nHost: localhost\r\n" + KEY
                + "Content-Type: application/json\r\n", """
                {"datasetId": "00000000-0000-0000-0000-000000000000", "k": "two", "scaling": "LOUD",
                 "missingValues": 3}""".getBytes(StandardCharsets.UTF_8)));
        responses.add(RawHttp.exchange(port, "POST /api/v1/segmentations HTTP/1.1\r\nHost: localhost\r\n" + KEY
                + "Content-Type: application/json\r\n", """
                {"datasetId": "not-a-uuid", "k": 2}""".getBytes(StandardCharsets.UTF_8)));
        responses.add(RawHttp.exchange(port, "POST /api/v1/segmentations HTTP/1.1\r\nHost: localhost\r\n" + KEY
                + "Content-Type: application/json\r\n", """
                {"datasetId": "00000000-0000-0000-0000-000000000000", "k": 2.5}""".getBytes(StandardCharsets.UTF_8)));
        responses.add(get("/api/v1/datasets/a%2Fb", ""));
        responses.add(get("/api/v1/datasets", "X-Padding: " + "a".repeat(10_000) + "\r\n"));
        responses.add(get("/api/v1/datasets/;x", ""));
        responses.add(RawHttp.exchange(port, "GET /error HTTP/1.1\r\nHost: localhost\r\n", null));

        for (RawHttp.Response response : responses) {
            assertThat(response.status()).as(response.body()).isBetween(400, 499);
            String detail = problem(response.status(), response).get("detail").asString();
            assertThat(detail).doesNotContain("java.", "org.customersegmentation", "Exception", "$", "null");
        }
    }

    private RawHttp.Response upload(String target, String headers) throws IOException {
        return RawHttp.exchange(port, "POST " + target + " HTTP/1.1\r\nHost: localhost\r\n" + KEY
                + "Content-Type: text/csv\r\n" + headers, CSV);
    }

    private RawHttp.Response get(String target, String headers) throws IOException {
        return RawHttp.exchange(port, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + KEY + headers, null);
    }

    private static JsonNode problem(int status, RawHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("type").asString()).startsWith("tag:customer-segmentation");
        return problem;
    }
}
