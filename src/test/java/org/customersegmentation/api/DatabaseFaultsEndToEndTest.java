package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
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

    @Autowired
    JdbcTemplate jdbc;

    ApiClient acme;

    @BeforeEach
    void client() {
        acme = new ApiClient(port, Tenants.ACME_KEY);
    }

    @Test
    void aDeleteWhoseConnectionIsTerminatedIsA503AndDeletesNothing() throws Exception {
        String datasetId = acme.uploadDataset("terminated", "id,spend\na,1\nb,2\nc,30\n");
        CompletableFuture<ApiClient.Response> delete;
        try (Connection lock = lockRow("dataset", datasetId)) {
            delete = CompletableFuture.supplyAsync(() -> acme.delete("/api/v1/datasets/" + datasetId));
            terminateTheRequestWaitingOn("delete from dataset %");
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
        try (Connection customers = lockCustomersOf(datasetId)) {
            job = acme.startJob("{\"datasetId\": \"" + datasetId + "\", \"k\": 2}");
            try (Connection row = lockRow("segmentation_job", job)) {
                cancel = CompletableFuture.supplyAsync(() -> acme.postJson("/api/v1/segmentations/" + job + "/cancel", ""));
                terminateTheRequestWaitingOn("UPDATE segmentation_job SET status = 'CANCELLED'%");
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

    private Connection lockRow(String table, String id) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement("SELECT 1 FROM " + table + " WHERE id = ? FOR UPDATE")) {
            lock.setObject(1, UUID.fromString(id));
            lock.executeQuery().close();
        }
        return connection;
    }

    /** Keeps a job from reading its customers, so that it is still QUEUED or RUNNING when the cancel arrives. */
    private Connection lockCustomersOf(String datasetId) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        connection.createStatement().execute("LOCK TABLE dataset_rows_" + datasetId.replace("-", "")
                + " IN ACCESS EXCLUSIVE MODE");
        return connection;
    }

    private void terminateTheRequestWaitingOn(String statement) {
        String waiting = "FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE ?";
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> jdbc.queryForObject("SELECT count(*) " + waiting, Long.class, statement) == 1);
        assertThat(jdbc.queryForObject("SELECT count(pg_terminate_backend(pid)) " + waiting, Long.class, statement))
                .isEqualTo(1);
    }
}
