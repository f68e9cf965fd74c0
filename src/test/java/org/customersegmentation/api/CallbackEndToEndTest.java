package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.CustomerGroups;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Job callbacks to a receiver on the loopback interface (allow-listed for the tests). */
@EndToEndTest
class CallbackEndToEndTest {

    record Delivery(Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                    .map(header -> header.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    @LocalServerPort
    int port;

    HttpServer receiver;
    final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    /** The statuses the receiver answers with, in turn; 200 once they run out. */
    final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
    ApiClient acme;
    String datasetId;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            deliveries.add(new Delivery(Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Integer status = answers.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        receiver.start();
        acme = new ApiClient(port, Tenants.ACME_KEY);
        datasetId = acme.uploadDataset("callbacks", CustomerGroups.generate(9, new int[] {20, 10}, 0).csv());
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aFinishedJobIsPostedSignedAndARefusedDeliveryIsTriedAgain() throws Exception {
        answers.add(500);
        String jobId = acme.startJob("{\"datasetId\": \"%s\", \"k\": 2, \"callbackUrl\": \"%s\"}".formatted(datasetId, hook()));

        Delivery refused = deliveries.poll(30, TimeUnit.SECONDS);
        Delivery accepted = deliveries.poll(30, TimeUnit.SECONDS);

        assertThat(refused).isNotNull();
        assertThat(accepted).as("a second delivery after the first was answered 500").isNotNull();
        JsonNode job = JsonMapper.builder().build().readTree(accepted.body());
        assertThat(job.get("id").asString()).isEqualTo(jobId);
        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        String timestamp = accepted.header("X-Signature-Timestamp");
        assertThat(Long.parseLong(timestamp)).isPositive();
        assertThat(accepted.header("X-Signature")).isEqualTo("sha256=" + hmac(Tenants.ACME_CALLBACK_SECRET,
                timestamp + "." + accepted.body()));
        assertThat(accepted.header("Content-Type")).isEqualTo("application/json");
        JsonNode callback = acme.awaitJob(jobId,
                finished -> "DELIVERED".equals(finished.at("/callback/status").asString()), Duration.ofSeconds(30))
                .get("callback");
        assertThat(callback.get("attempts").asInt()).isEqualTo(2);
        assertThat(callback.get("lastError").isNull()).isTrue();
        assertThat(callback.get("lastAttemptAt").asString()).isNotBlank();
    }

    @Test
    void aDeliveryRefusedUntilTheRetriesRunOutIsGivenUpAndTheJobSaysWhy() throws Exception {
        for (int i = 0; i < 20; i++) {
            answers.add(503);
        }
        String jobId = acme.startJob("{\"datasetId\": \"%s\", \"k\": 2, \"callbackUrl\": \"%s\"}".formatted(datasetId, hook()));

        JsonNode callback = acme.awaitJob(jobId,
                job -> "GAVE_UP".equals(job.at("/callback/status").asString()), Duration.ofSeconds(60))
                .get("callback");

        // the test service gives up 5 s after the job ended, retrying after 1 s, 2 s, 4 s
        assertThat(callback.get("attempts").asInt()).isBetween(2, 4).isEqualTo(deliveries.size());
        assertThat(callback.get("lastError").asString()).isEqualTo("The POST was answered 503.");
    }

    @Test
    void aCancelledJobIsPostedToo() throws Exception {
        String jobId = acme.startJob(("{\"datasetId\": \"%s\", \"kRange\": {\"min\": 2, \"max\": 29}, \"restarts\": 100, "
                + "\"callbackUrl\": \"%s\"}").formatted(datasetId, hook()));
        acme.postJson("/api/v1/segmentations/" + jobId + "/cancel", "");

        Delivery delivery = deliveries.poll(30, TimeUnit.SECONDS);

        assertThat(delivery).isNotNull();
        assertThat(JsonMapper.builder().build().readTree(delivery.body()).get("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void callbacksMayNotBeAimedInsideANetworkNorGoOutUnsigned() {
        assertThat(badCallback(acme, "http://example.com/hook")).isEqualTo("callbackUrl must use https.");
        assertThat(badCallback(acme, "https://10.1.2.3/hook")).contains("private, loopback or link-local");
        assertThat(badCallback(acme, "https://169.254.169.254/latest/meta-data")).contains("private, loopback or link-local");
        assertThat(badCallback(acme, "https://[::1]:8080/hook")).contains("private, loopback or link-local");
        assertThat(badCallback(acme, "ftp://crm.example.com/hook")).contains("absolute http(s) URL");
        ApiClient globex = new ApiClient(port, Tenants.GLOBEX_KEY);
        String theirs = globex.uploadDataset("callbacks", CustomerGroups.generate(9, new int[] {20, 10}, 0).csv());
        assertThat(globex.postJson("/api/v1/segmentations", "{\"datasetId\": \"%s\", \"k\": 2, \"callbackUrl\": \"%s\"}"
                .formatted(theirs, hook())).problem(400).get("detail").asString()).contains("No callback secret");
    }

    private String badCallback(ApiClient client, String url) {
        JsonNode problem = client.postJson("/api/v1/segmentations", "{\"datasetId\": \"%s\", \"k\": 2, \"callbackUrl\": \"%s\"}"
                .formatted(datasetId, url)).problem(400);
        assertThat(problem.get("parameter").asString()).isEqualTo("callbackUrl");
        return problem.get("detail").asString();
    }

    private String hook() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
