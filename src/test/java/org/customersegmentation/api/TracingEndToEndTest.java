package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.CustomerGroups;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A W3C traceparent sent in is followed: its trace ID is in the request's problem and log lines, in the lines of the
 * job it created, which runs on another thread later, and in the traceparent the job's callback sends out.
 */
@EndToEndTest
@ExtendWith(OutputCaptureExtension.class)
class TracingEndToEndTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @LocalServerPort
    int port;

    HttpServer receiver;
    final BlockingQueue<String> callbackTraceParents = new LinkedBlockingQueue<>();
    ApiClient acme;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String traceParent = exchange.getRequestHeaders().getFirst("traceparent");
            callbackTraceParents.add(traceParent == null ? "none" : traceParent);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        acme = new ApiClient(port, Tenants.ACME_KEY);
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aProblemCarriesTheTraceIdOfTheTraceparentSentIn() {
        String traceId = randomHex(16);

        var problem = acme.get("/api/v1/segmentations/not-a-uuid", "traceparent", traceParent(traceId)).problem(400);

        assertThat(problem.get("traceId").asString()).isEqualTo(traceId);
    }

    @Test
    void withoutATraceparentAProblemStillCarriesATraceIdOfItsOwn() {
        var first = new ApiClient(port, null).get("/api/v1/datasets").problem(401).get("traceId").asString();
        var second = acme.get("/api/v1/datasets/" + UUID.randomUUID()).problem(404).get("traceId").asString();

        assertThat(first).matches("[0-9a-f]{32}");
        assertThat(second).matches("[0-9a-f]{32}").isNotEqualTo(first);
    }

    @Test
    void aJobRunsInTheTraceOfTheRequestThatCreatedItAndItsCallbackSendsItOn(CapturedOutput output) throws Exception {
        String traceId = randomHex(16);
        String datasetId = acme.uploadDataset("traced", CustomerGroups.generate(4, new int[] {20, 10}, 0).csv());
        String sentSpan = randomHex(8);

        var created = acme.post("/api/v1/segmentations", "application/json", """
                {"datasetId": "%s", "k": 2, "callbackUrl": "http://127.0.0.1:%d/hook"}"""
                .formatted(datasetId, receiver.getAddress().getPort()).getBytes(),
                "traceparent", "00-" + traceId + "-" + sentSpan + "-01");
        String jobId = created.json().get("id").asString();
        String callback = callbackTraceParents.poll(60, TimeUnit.SECONDS);

        assertThat(callback).as("the callback's traceparent").matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .doesNotContain(sentSpan);
        // the delivery is logged once the receiver has answered
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                output.getOut().lines().filter(line -> line.contains(traceId)))
                .anySatisfy(line -> assertThat(line).contains("Job " + jobId + " of tenant acme is QUEUED"))
                .anySatisfy(line -> assertThat(line).contains("Job " + jobId + " of tenant acme is RUNNING"))
                .anySatisfy(line -> assertThat(line).contains("Job " + jobId + " attempt 1 succeeded"))
                .anySatisfy(line -> assertThat(line).contains("Delivered the callback of job " + jobId)));
    }

    private static String traceParent(String traceId) {
        return "00-" + traceId + "-" + randomHex(8) + "-01";
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
