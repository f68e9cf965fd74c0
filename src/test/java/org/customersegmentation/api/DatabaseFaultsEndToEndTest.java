package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.DatabaseLocks;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A request whose database connection PostgreSQL terminates half-way (as a restart or an administrator's
 * pg_terminate_backend does) gets a 503 with Retry-After, whatever Hibernate and Spring wrapped SQLSTATE 57P01 in,
 * changes nothing, and succeeds when retried. The test holds a row lock so that the request waits on the database
 * where the test can find its connection and kill it.
 */
@EndToEndTest
class DatabaseFaultsEndToEndTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    ApiClient acme;
    DatabaseLocks locks;

    @BeforeEach
    void client() {
        acme = new ApiClient(port, Tenants.ACME_KEY);
        locks = new DatabaseLocks(dataSource);
    }

    @Test
    void aDeleteWhoseConnectionIsTerminatedIsA503AndDeletesNothing() throws Exception {
        String datasetId = acme.uploadDataset("terminated", "id,spend\na,1\nb,2\nc,30\n");
        CompletableFuture<ApiClient.Response> delete;
        try (Connection lock = locks.lockRow("dataset", datasetId, "FOR UPDATE")) {
            delete = CompletableFuture.supplyAsync(() -> acme.delete("/api/v1/datasets/" + datasetId));
            assertThat(locks.terminateWaiting("delete from dataset %")).isEqualTo(1);
        }

        assertServiceUnavailable(delete.get(30, TimeUnit.SECONDS));
        assertThat(acme.get("/api/v1/datasets/" + datasetId).status()).isEqualTo(200);
        assertThat(acme.delete("/api/v1/datasets/" + datasetId).status()).as("the retry").isEqualTo(204);
    }

    @Test
    void aCancelWhoseConnectionIsTerminatedIsA503AndCancelsNothing() throws Exception {
        String datasetId = acme.uploadDataset("terminated-cancel", "id,spend\na,1\nb,2\nc,30\nd,31\n");
        String job;
        CompletableFuture<ApiClient.Response> cancel;
        try (Connection customers = locks.lockCustomers(datasetId)) {
            job = acme.startJob("{\"datasetId\": \"" + datasetId + "\", \"k\": 2}");
            try (Connection row = locks.lockRow("segmentation_job", job, "FOR UPDATE")) {
                cancel = CompletableFuture.supplyAsync(() -> acme.postJson("/api/v1/segmentations/" + job + "/cancel", ""));
                assertThat(locks.terminateWaiting("UPDATE segmentation_job SET status = 'CANCELLED'%")).isEqualTo(1);
            }
            assertServiceUnavailable(cancel.get(30, TimeUnit.SECONDS));
            assertThat(acme.get("/api/v1/segmentations/" + job).json().get("status").asString())
                    .isIn("QUEUED", "RUNNING");
            assertThat(acme.postJson("/api/v1/segmentations/" + job + "/cancel", "").status()).as("the retry")
                    .isEqualTo(202);
        }
        assertThat(acme.awaitFinished(job).get("status").asString()).isEqualTo("CANCELLED");
    }

    private static void assertServiceUnavailable(ApiClient.Response response) {
        JsonNode problem = response.problem(503);
        assertThat(problem.get("title").asString()).isEqualTo("Database unavailable");
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
    }
}
