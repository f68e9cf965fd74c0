package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.CustomerGroups;
import org.customersegmentation.support.EndToEndTest;
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
    void whileTheFirstRequestIsProcessedARetryIsAConflictAndAnAbandonedOneIsTakenOver() {
        String key = UUID.randomUUID().toString();
        String request = "{\"datasetId\": \"%s\", \"k\": 2}";
        String firstJob = start(key, request).json().get("id").asString();
        // as if the first request were still being processed
        jdbc.update("UPDATE idempotency_key SET resource_id = NULL, created_at = now() WHERE key = ?", key);

        start(key, request).problem(409);

        // as if it had died five minutes ago without finishing
        jdbc.update("UPDATE idempotency_key SET created_at = now() - interval '6 minutes' WHERE key = ?", key);
        ApiClient.Response takenOver = start(key, request);
        assertThat(takenOver.status()).isEqualTo(202);
        assertThat(takenOver.json().get("id").asString()).isNotEqualTo(firstJob);
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
