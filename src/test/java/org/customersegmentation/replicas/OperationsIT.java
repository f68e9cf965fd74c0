package org.customersegmentation.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.ProcessDatabase;
import org.customersegmentation.support.ServiceProcess;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What operating the service across replicas relies on: a key revoked through one replica stops working on every
 * other within the key cache's lifetime; the structured JSON logs parse and say whose request or job each line is
 * and in which trace, with no customer value; and forwarded headers from an untrusted address change nothing.
 */
class OperationsIT {

    /** segmentation.keys.cache-ttl, left at its default: how long another replica may still accept a revoked key. */
    static final Duration KEY_CACHE_TTL = Duration.ofSeconds(5);
    /** The stated bound (docs/access.md): the cache's lifetime and a margin for a busy machine. */
    static final Duration REVOCATION_BOUND = Duration.ofSeconds(10);

    final ProcessDatabase database = ProcessDatabase.shared().fresh("operations_it");
    final JsonMapper strictJson = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    @Test
    void aKeyRevokedThroughOneReplicaIsRefusedByTheOtherWithinTheBoundWhileItsSuccessorWorks() {
        Map<String, String> settings = Map.of("segmentation.operator.key", Tenants.OPERATOR_KEY);
        try (ServiceProcess first = ServiceProcess.start("operations-keys-1", database, settings);
             ServiceProcess second = ServiceProcess.start("operations-keys-2", database, settings)) {
            ApiClient operator = ApiClient.operator(first.port(), Tenants.OPERATOR_KEY);
            JsonNode old = issue(operator, "crm sync");
            JsonNode successor = issue(operator, "crm sync, rotated");
            ApiClient oldOnSecond = second.client(old.get("key").asString());
            ApiClient successorOnSecond = second.client(successor.get("key").asString());
            assertThat(oldOnSecond.get("/api/v1/datasets").status()).as("both keys work during the rotation").isEqualTo(200);
            assertThat(successorOnSecond.get("/api/v1/datasets").status()).isEqualTo(200);

            assertThat(operator.delete("/admin/v1/tenants/partner/keys/" + old.get("id").asString()).status())
                    .isEqualTo(204);
            long revokedAt = System.nanoTime();

            first.client(old.get("key").asString()).get("/api/v1/datasets").problem(401);
            await().atMost(REVOCATION_BOUND).pollInterval(Duration.ofMillis(100))
                    .until(() -> oldOnSecond.get("/api/v1/datasets").status() == 401);
            Duration refusedAfter = Duration.ofNanos(System.nanoTime() - revokedAt);
            System.out.printf("the other replica refused the revoked key after %d ms (cache TTL %d ms)%n",
                    refusedAfter.toMillis(), KEY_CACHE_TTL.toMillis());
            assertThat(successorOnSecond.get("/api/v1/datasets").status()).isEqualTo(200);
            assertThat(second.client(Tenants.OPERATOR_KEY).get("/api/v1/datasets").status())
                    .as("the operator key opens no tenant's data").isEqualTo(401);
        }
    }

    @Test
    void jsonLogsParseAndCarryTenantJobAndTraceButNoCustomerValue() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        BlockingQueue<String> callbacks = new LinkedBlockingQueue<>();
        receiver.createContext("/hook", exchange -> {
            callbacks.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        Map<String, String> settings = Map.of(
                "logging.structured.format.console", "ecs",
                "segmentation.callbacks.secrets", Tenants.ACME + "=" + Tenants.ACME_CALLBACK_SECRET,
                "segmentation.callbacks.allowed-hosts", "127.0.0.1",
                // no address of these tests is a trusted proxy here
                "server.tomcat.remoteip.internal-proxies", "10\\.9\\.9\\.9");
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        try (ServiceProcess service = ServiceProcess.start("operations-json-logs", database, settings)) {
            ApiClient acme = service.client(Tenants.ACME_KEY);
            String datasetId = acme.uploadDataset("json logs", customersWithMarkedValues());
            acme.postCsv("/api/v1/datasets", "id,spend\nMARKED-CUSTOMER-A,1\nMARKED-CUSTOMER-A,MARKED-VALUE\n")
                    .problem(400);
            String jobId = acme.post("/api/v1/segmentations", "application/json", """
                    {"datasetId": "%s", "k": 2, "callbackUrl": "http://127.0.0.1:%d/hook"}"""
                    .formatted(datasetId, receiver.getAddress().getPort()).getBytes(),
                    "traceparent", "00-" + traceId + "-b7ad6b7169203331-01").json().get("id").asString();
            assertThat(callbacks.poll(60, TimeUnit.SECONDS)).startsWith("00-" + traceId + "-");
            URI reportUrl = URI.create(acme.get("/api/v1/segmentations/" + jobId + "/result", "X-Forwarded-Proto", "https",
                    "X-Forwarded-Host", "attacker.example").json().get("reportUrl").asString());
            assertThat(reportUrl.getAuthority()).as("forwarded headers from an untrusted address are ignored")
                    .isEqualTo("localhost:" + service.port());

            await().atMost(Duration.ofSeconds(10)).until(() -> service.log().contains("Delivered the callback"));
            List<JsonNode> lines = logLines(service.log());
            assertThat(lines).as("JSON log lines").hasSizeGreaterThan(20);
            assertThat(lines).allSatisfy(line -> assertThat(line.has("@timestamp") && line.has("message")).isTrue());
            List<JsonNode> jobLines = lines.stream().filter(line -> jobId.equals(text(line, "jobId"))).toList();
            assertThat(jobLines).as("the job's lines").isNotEmpty().allSatisfy(line -> {
                assertThat(text(line, "tenant")).isEqualTo(Tenants.ACME);
                assertThat(text(line, "traceId")).isEqualTo(traceId);
            });
            assertThat(jobLines.stream().map(line -> text(line, "message")))
                    .anyMatch(message -> message.contains("is RUNNING"))
                    .anyMatch(message -> message.contains("succeeded"))
                    .anyMatch(message -> message.contains("Delivered the callback"));
            // the upload's line comes from the request itself, which names the tenant only through its log context
            assertThat(lines).as("a request's line says whose it was")
                    .filteredOn(line -> text(line, "message").contains("loaded:"))
                    .isNotEmpty()
                    .allSatisfy(line -> assertThat(text(line, "tenant")).isEqualTo(Tenants.ACME));
            assertThat(lines).as("the job runner's lines name the job")
                    .filteredOn(line -> line.path("log").path("logger").asString("").endsWith("JobRunner"))
                    .isNotEmpty()
                    .allSatisfy(line -> assertThat(text(line, "jobId")).isEqualTo(jobId));
            assertThat(service.log()).doesNotContain("MARKED-CUSTOMER").doesNotContain("MARKED-VALUE")
                    .doesNotContain("7391.25");
        } finally {
            receiver.stop(0);
        }
    }

    private static JsonNode issue(ApiClient operator, String name) {
        return operator.postJson("/admin/v1/tenants/partner/keys", """
                {"name": "%s", "scopes": ["segmentation:read"]}""".formatted(name)).json();
    }

    /** Every line of the process's output that is a log line, parsed strictly: one duplicate member fails it. */
    private List<JsonNode> logLines(String output) {
        // the JVM itself may print a warning or two before logging starts; those are not log lines
        return output.lines().filter(line -> !line.startsWith("WARNING: ")).filter(line -> !line.isBlank())
                .map(strictJson::readTree).toList();
    }

    private static String text(JsonNode line, String member) {
        JsonNode value = line.get(member);
        return value == null ? "" : value.asString();
    }

    /** Customers whose IDs and one spend value are easy to find in a log, were they ever written there. */
    private static String customersWithMarkedValues() {
        return "id,spend,visits\n" + IntStream.range(0, 60)
                .mapToObj(i -> "MARKED-CUSTOMER-%03d,%s,%d".formatted(i, i == 7 ? "7391.25" : Integer.toString(
                        (i % 2) * 1000 + i), i % 2 * 20 + i % 5))
                .collect(Collectors.joining("\n")) + "\n";
    }
}
