package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A cancel that arrives as a job finishes: whichever of the two reaches the job's row first wins, and the other
 * changes nothing. No job ever ends CANCELLED with results, or SUCCEEDED without them.
 *
 * <p>The interleavings are forced with PostgreSQL's own locks, held on connections of the test: an exclusive lock
 * on the dataset's row table stops the job after its claim, before it reads the customers; a row lock on the job
 * stops both the job's success and the cancel at the job's row, and the test lets them go once it has seen, in
 * pg_stat_activity, that both wait there in the order it wants. Waits for a row lock are granted first come, first
 * served, as long as nothing else writes the row meanwhile; the job's progress is kept apart from its row for that.
 */
@EndToEndTest
class CancelAtCompletionEndToEndTest {

    static final int ROUNDS_PER_ORDER = 100;
    static final String JOB = """
            {"datasetId": "%s", "k": 2, "restarts": 1, "seed": 7}""";
    static final String SUCCESS_UPDATE = "UPDATE segmentation_job SET status = 'SUCCEEDED'%";
    static final String CANCEL_UPDATE = "UPDATE segmentation_job SET status = 'CANCELLED'%";
    static final String READ_CUSTOMERS = "COPY (SELECT row_number, customer_id%";

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient acme;
    DatabaseLocks locks;
    String datasetId;

    @BeforeEach
    void dataset() {
        acme = new ApiClient(port, Tenants.ACME_KEY);
        locks = new DatabaseLocks(dataSource);
        StringBuilder csv = new StringBuilder("id,spend,visits\n");
        for (int i = 0; i < 40; i++) {
            csv.append("C").append(i).append(',').append(i < 20 ? 10 + i % 3 : 90 + i % 4).append(',')
                    .append(i < 20 ? 2 : 30).append('\n');
        }
        datasetId = acme.uploadDataset("cancel-race", csv.toString());
    }

    @Test
    void aCancelThatReachesTheJobAfterItsSuccessIsRefusedAndChangesNothing() throws Exception {
        for (int round = 0; round < ROUNDS_PER_ORDER; round++) {
            String job;
            CompletableFuture<ApiClient.Response> cancel;
            try (Connection customers = locks.lockCustomers(datasetId)) {
                job = acme.startJob(JOB.formatted(datasetId));
                locks.awaitWaiting(READ_CUSTOMERS);
                try (Connection jobRow = locks.lockRow("segmentation_job", job, "FOR NO KEY UPDATE")) {
                    customers.commit();
                    locks.awaitWaiting(SUCCESS_UPDATE);
                    cancel = CompletableFuture.supplyAsync(() -> acme.postJson(cancelPath(job), ""));
                    locks.awaitWaiting(CANCEL_UPDATE);
                    jobRow.commit();
                }
            }
            ApiClient.Response refused = cancel.get(30, TimeUnit.SECONDS);
            assertThat(refused.problem(409).get("jobStatus").asString()).as("round " + round).isEqualTo("SUCCEEDED");
            awaitWorkerDone(job);
            assertThat(status(job)).as("round " + round).isEqualTo("SUCCEEDED");
            assertThat(results(job)).as("round " + round).isEqualTo(1);
        }
        assertNoContradiction();
    }

    @Test
    void aSuccessThatReachesTheJobAfterItsCancelStoresNothing() throws Exception {
        for (int round = 0; round < ROUNDS_PER_ORDER; round++) {
            String job;
            CompletableFuture<ApiClient.Response> cancel;
            try (Connection customers = locks.lockCustomers(datasetId)) {
                job = acme.startJob(JOB.formatted(datasetId));
                locks.awaitWaiting(READ_CUSTOMERS);
                try (Connection jobRow = locks.lockRow("segmentation_job", job, "FOR NO KEY UPDATE")) {
                    cancel = CompletableFuture.supplyAsync(() -> acme.postJson(cancelPath(job), ""));
                    locks.awaitWaiting(CANCEL_UPDATE);
                    customers.commit();
                    locks.awaitWaiting(SUCCESS_UPDATE);
                    jobRow.commit();
                }
            }
            ApiClient.Response accepted = cancel.get(30, TimeUnit.SECONDS);
            assertThat(accepted.status()).as("round %d: %s", round, accepted.body()).isEqualTo(202);
            assertThat(accepted.json().get("status").asString()).isEqualTo("CANCELLED");
            awaitWorkerDone(job);
            assertThat(status(job)).as("round " + round).isEqualTo("CANCELLED");
            assertThat(results(job)).as("round " + round).isZero();
        }
        assertNoContradiction();
    }

    /** Unforced: a cancel sent the moment the job is seen RUNNING, or right after it is queued, races the job. */
    @Test
    void cancelsAtEveryOtherMomentLeaveEitherACancelledJobOrAResult() {
        for (int round = 0; round < ROUNDS_PER_ORDER; round++) {
            String job = acme.startJob(JOB.formatted(datasetId));
            if (round % 2 == 0) {
                awaitStatus(job, "RUNNING", "SUCCEEDED");
            }
            ApiClient.Response answer = acme.postJson(cancelPath(job), "");
            awaitWorkerDone(job);
            if (answer.status() == 202) {
                assertThat(status(job)).as("round " + round).isEqualTo("CANCELLED");
                assertThat(results(job)).as("round " + round).isZero();
            } else {
                assertThat(answer.problem(409).get("jobStatus").asString()).isEqualTo("SUCCEEDED");
                assertThat(status(job)).as("round " + round).isEqualTo("SUCCEEDED");
                assertThat(results(job)).as("round " + round).isEqualTo(1);
            }
        }
        assertNoContradiction();
    }

    private void assertNoContradiction() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM segmentation_job j WHERE (j.status = 'CANCELLED' AND "
                + "EXISTS (SELECT 1 FROM segmentation_result r WHERE r.job_id = j.id)) OR (j.status = 'SUCCEEDED' AND "
                + "NOT EXISTS (SELECT 1 FROM segmentation_result r WHERE r.job_id = j.id))", Long.class))
                .as("jobs CANCELLED with results or SUCCEEDED without").isZero();
    }

    private static String cancelPath(String job) {
        return "/api/v1/segmentations/" + job + "/cancel";
    }

    private void awaitStatus(String job, String... statuses) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                .until(() -> java.util.List.of(statuses).contains(status(job)));
    }

    /** Until the job's execution is done with, whatever became of it: its scheduler entry is removed then. */
    private void awaitWorkerDone(String job) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM scheduled_tasks WHERE task_name = 'segmentation-job' AND task_instance = ?",
                Long.class, job) == 0);
    }

    private String status(String job) {
        return jdbc.queryForObject("SELECT status FROM segmentation_job WHERE id = ?", String.class, UUID.fromString(job));
    }

    private long results(String job) {
        return jdbc.queryForObject("SELECT count(*) FROM segmentation_result WHERE job_id = ?", Long.class,
                UUID.fromString(job));
    }
}
