package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.UUID;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.CustomerGroups;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.RawHttpUpload;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Retrying POST /segmentations with an Idempotency-Key, over HTTP. */
@EndToEndTest
class IdempotencyEndToEndTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient acme;
    String datasetId;

    @BeforeEach
    void upload() {
        acme = new ApiClient(port, Tenants.ACME_KEY);
        datasetId = acme.uploadDataset("idempotent", CustomerGroups.generate(4, new int[] {30, 20}, 0).csv());
    }

    @Test
    void aRetryWithTheSameKeyAndRequestGetsTheSameJobAndAnotherRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        ApiClient.Response first = start(key, "{\"datasetId\": \"%s\", \"k\": 2, \"seed\": 1}");
        ApiClient.Response retry = start(key, "{ \"seed\": 1, \"k\": 2, \"datasetId\": \"%s\" }");

        assertThat(first.status()).isEqualTo(202);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(jobsOfDataset()).isEqualTo(1);

        assertThat(start(key, "{\"datasetId\": \"%s\", \"k\": 3, \"seed\": 1}").problem(422).get("detail").asString())
                .contains("already used with a different request");
        assertThat(jobsOfDataset()).isEqualTo(1);
    }

    @Test
    void whileTheFirstRequestIsProcessedARetryIsAConflictAndAnAbandonedOneIsTakenOverWhenItsLeaseLapses() {
        String key = UUID.randomUUID().toString();
        String request = "{\"datasetId\": \"%s\", \"k\": 2}";
        String firstJob = start(key, request).json().get("id").asString();
        // as if another instance were still processing the first request, then died: its lease is not renewed
        jdbc.update("UPDATE idempotency_key SET resource_id = NULL, claimed_by = 'a-dead-instance', "
                + "lease_expires_at = now() + interval '3 seconds' WHERE key = ?", key);
        long claimedAt = System.nanoTime();

        ApiClient.Response conflict = start(key, request);
        conflict.problem(409);
        assertThat(Integer.parseInt(conflict.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 3);

        AtomicReference<ApiClient.Response> takenOver = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            takenOver.set(start(key, request));
            return takenOver.get().status() != 409;
        });
        assertThat(Duration.ofNanos(System.nanoTime() - claimedAt)).as("the lapsed lease, not five minutes")
                .isLessThan(Duration.ofSeconds(5));
        assertThat(takenOver.get().status()).isEqualTo(202);
        assertThat(takenOver.get().json().get("id").asString()).isNotEqualTo(firstJob);
    }

    @Test
    void anUploadStillStreamingKeepsItsKeyPastItsFirstLeaseAndARetryMeanwhileIsToldToWait() throws Exception {
        String key = UUID.randomUUID().toString();
        try (RawHttpUpload upload = new RawHttpUpload(port, Tenants.ACME_KEY, "Idempotency-Key: " + key + "\r\n")) {
            upload.send("id,spend\na,1\n");
            await().atMost(Duration.ofSeconds(10)).until(() -> leaseOf(key) != null);
            Timestamp firstLease = leaseOf(key);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> leaseOf(key).after(firstLease));

            ApiClient.Response retry = rawUpload(key, "id,spend\na,1\nb,2\n");
            retry.problem(409);
            assertThat(Integer.parseInt(retry.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 10);

            upload.send("b,2\n");
            assertThat(upload.finish()).startsWith("HTTP/1.1 201");
        }
        ApiClient.Response replayed = rawUpload(key, "id,spend\na,1\nb,2\n");
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    }

    @Test
    void anUploadWhoseConnectionWasKilledLeavesItsKeyFreeForTheRetryAtOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String response;
        try (RawHttpUpload upload = new RawHttpUpload(port, Tenants.ACME_KEY, "Idempotency-Key: " + key + "\r\n")) {
            upload.send("id,spend\n" + "c,1\n".repeat(20_000));
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("SELECT count(pg_terminate_backend(pid)) "
                    + "FROM pg_stat_activity WHERE query LIKE 'COPY dataset\\_rows\\_%' AND state = 'active'", Long.class) == 1);
            upload.send("d,2\n");
            response = upload.finish();
        }
        assertThat(response).startsWith("HTTP/1.1 503");

        ApiClient.Response retry = upload(key, "id,spend\na,1\n");
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
    }

    /** As RawHttpUpload sends it: the same parameters, so the same request. */
    private ApiClient.Response rawUpload(String key, String csv) {
        return acme.post("/api/v1/datasets?name=raw", "text/csv", csv.getBytes(StandardCharsets.UTF_8),
                "Idempotency-Key", key);
    }

    private Timestamp leaseOf(String key) {
        return jdbc.query("SELECT lease_expires_at FROM idempotency_key WHERE key = ?",
                rows -> rows.next() ? rows.getTimestamp(1) : null, key);
    }

    @Test
    void aRejectedRequestLeavesTheKeyFreeAndKeysExpireAndBelongToTheirTenant() {
        String key = UUID.randomUUID().toString();
        start(key, "{\"datasetId\": \"%s\", \"k\": 999}").problem(400);
        assertThat(start(key, "{\"datasetId\": \"%s\", \"k\": 2}").status()).isEqualTo(202);

        jdbc.update("UPDATE idempotency_key SET expires_at = now() WHERE key = ?", key);
        assertThat(start(key, "{\"datasetId\": \"%s\", \"k\": 3}").status()).as("an expired key is new").isEqualTo(202);

        ApiClient globex = new ApiClient(port, Tenants.GLOBEX_KEY);
        String theirs = globex.uploadDataset("idempotent", CustomerGroups.generate(4, new int[] {30, 20}, 0).csv());
        assertThat(globex.post("/api/v1/segmentations", "application/json",
                ("{\"datasetId\": \"" + theirs + "\", \"k\": 2}").getBytes(StandardCharsets.UTF_8),
                "Idempotency-Key", key).status()).isEqualTo(202);

        assertThat(start("x".repeat(256), "{\"datasetId\": \"%s\", \"k\": 2}").problem(400).get("detail").asString())
                .contains("1 to 255 characters");
    }

    @Test
    void aRetriedUploadGetsTheFirstDatasetAndAnotherFileWithTheKeyIsRefused() {
        String key = UUID.randomUUID().toString();
        String csv = CustomerGroups.generate(6, new int[] {10, 5}, 0).csv();

        ApiClient.Response first = upload(key, csv);
        ApiClient.Response retry = upload(key, csv);
        String name = first.json().get("name").asString();

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(datasetsNamed(name)).isEqualTo(1);
        upload(key, csv.replace("north", "west")).problem(422);
        assertThat(datasetsNamed(name)).isEqualTo(1);
    }

    @Test
    void aRetriedFormUploadIsRecognisedByItsFileWhateverTheBoundary() {
        String key = UUID.randomUUID().toString();
        String csv = CustomerGroups.generate(7, new int[] {10, 5}, 0).csv();

        String first = form(key, csv, "boundary-one").json().get("id").asString();
        ApiClient.Response retry = form(key, csv, "another-boundary");

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asString()).isEqualTo(first);
    }

    private ApiClient.Response upload(String key, String csv) {
        return acme.post("/api/v1/datasets?name=retried-" + key, "text/csv", csv.getBytes(StandardCharsets.UTF_8),
                "Idempotency-Key", key);
    }

    private ApiClient.Response form(String key, String csv, String boundary) {
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"crm.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return acme.post("/api/v1/datasets", "multipart/form-data; boundary=" + boundary,
                body.getBytes(StandardCharsets.UTF_8), "Idempotency-Key", key);
    }

    private long datasetsNamed(String name) {
        return jdbc.queryForObject("SELECT count(*) FROM dataset WHERE tenant_id = ? AND name = ?", Long.class,
                Tenants.ACME, name);
    }

    private ApiClient.Response start(String key, String request) {
        return acme.post("/api/v1/segmentations", "application/json",
                request.formatted(datasetId).getBytes(StandardCharsets.UTF_8), "Idempotency-Key", key);
    }

    private long jobsOfDataset() {
        return jdbc.queryForObject("SELECT count(*) FROM segmentation_job WHERE dataset_id = ?::uuid", Long.class, datasetId);
    }
}
