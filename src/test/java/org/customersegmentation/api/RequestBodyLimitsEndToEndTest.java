package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.RawHttpUpload;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Request bodies are refused as they arrive once past their endpoint's limit (predict: 16 MB; other JSON: 1 MB),
 * rather than parsed into memory whole: a declared Content-Length over it before anything is read, a chunked body
 * as it passes the limit.
 */
@EndToEndTest
class RequestBodyLimitsEndToEndTest {

    static final String PREDICT = "/api/v1/segmentations/6f1c2b1e-0000-4000-8000-000000000000/predict";

    @LocalServerPort
    int port;

    @Test
    void aPredictBodyDeclaredLargerThanTheLimitIsRefusedBeforeItIsSent() throws IOException {
        String response;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + PREDICT + " HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + Tenants.ACME_KEY + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 202000000\r\n\r\n[")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            response = answer.toString(StandardCharsets.UTF_8);
        }
        assertThat(response).startsWith("HTTP/1.1 413").contains("application/problem+json")
                .contains("larger than the 16 MB this endpoint accepts");
    }

    @Test
    void aChunkedPredictBodyIsRefusedAsItPassesTheLimit() throws IOException {
        String response;
        try (RawHttpUpload body = new RawHttpUpload(port, Tenants.ACME_KEY, PREDICT, "application/json", "")) {
            body.send("[");
            String customers = "{\"age\": 41, \"income\": 52000.5, \"region\": \"north\"},".repeat(20_000); // ~1 MB
            for (int megabyte = 0; megabyte < 17; megabyte++) {
                body.send(customers);
            }
            body.send("{}]");
            response = body.finish();
        }
        assertThat(response).startsWith("HTTP/1.1 413").contains("larger than the 16 MB this endpoint accepts");
    }

    @Test
    void anyOtherJsonBodyIsLimitedToAMegabyte() throws IOException {
        String response;
        try (RawHttpUpload body = new RawHttpUpload(port, Tenants.ACME_KEY, "/api/v1/segmentations", "application/json", "")) {
            body.send("{\"datasetId\": \"6f1c2b1e-0000-4000-8000-000000000000\", \"features\": [");
            body.send("\"a-feature-name-of-some-length\",".repeat(40_000)); // ~1.3 MB
            body.send("\"last\"]}");
            response = body.finish();
        }
        assertThat(response).startsWith("HTTP/1.1 413").contains("larger than the 1 MB this endpoint accepts");

        ApiClient.Response small = new ApiClient(port, Tenants.ACME_KEY).postJson("/api/v1/segmentations",
                "{\"datasetId\": \"6f1c2b1e-0000-4000-8000-000000000000\", \"k\": 2}");
        assertThat(small.status()).as("a body within the limit is read as usual").isEqualTo(404);
    }
}
