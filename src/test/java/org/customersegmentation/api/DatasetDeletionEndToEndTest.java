package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.CustomerGroups;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Erasure: deleting a dataset removes its customers and everything derived from them, for its own tenant only. */
@EndToEndTest
class DatasetDeletionEndToEndTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient acme;
    ApiClient globex;

    @BeforeEach
    void setUp() {
        acme = new ApiClient(port, Tenants.ACME_KEY);
        globex = new ApiClient(port, Tenants.GLOBEX_KEY);
    }

    @Test
    void deletingADatasetRemovesItsRowsJobsResultsAndAssignments() {
        String datasetId = acme.uploadDataset("to-erase", CustomerGroups.generate(3, new int[] {40, 40}, 0).csv());
        String jobId = acme.startJob("{\"datasetId\": \"" + datasetId + "\", \"k\": 2, \"seed\": 1}");
        assertThat(acme.awaitFinished(jobId).get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(count("SELECT count(*) FROM segment_assignment WHERE job_id = '" + jobId + "'")).isEqualTo(80);

        assertThat(globex.delete("/api/v1/datasets/" + datasetId).problem(404)).isNotNull();
        assertThat(acme.delete("/api/v1/datasets/" + datasetId).status()).isEqualTo(204);

        acme.get("/api/v1/datasets/" + datasetId).problem(404);
        acme.get("/api/v1/datasets/" + datasetId + "/profile").problem(404);
        acme.get("/api/v1/segmentations/" + jobId).problem(404);
        assertThat(count("SELECT count(*) FROM segment_assignment WHERE job_id = '" + jobId + "'")).isZero();
        assertThat(count("SELECT count(*) FROM segment WHERE job_id = '" + jobId + "'")).isZero();
        assertThat(count("SELECT count(*) FROM dataset_profile WHERE dataset_id = '" + datasetId + "'")).isZero();
        assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename = 'dataset_rows_" + datasetId.replace("-", "") + "'")).isZero();
        acme.delete("/api/v1/datasets/" + datasetId).problem(404);
    }

    @Test
    void aJobNotYetFinishedIsRemovedWithItsDatasetAndNeverWritesResults() {
        String datasetId = acme.uploadDataset("erase-while-queued", CustomerGroups.generate(5, new int[] {300, 300, 300}, 0).csv());
        String jobId = acme.startJob("{\"datasetId\": \"" + datasetId + "\", \"k\": 3, \"restarts\": 100}");

        assertThat(acme.delete("/api/v1/datasets/" + datasetId).status()).isEqualTo(204);

        acme.get("/api/v1/segmentations/" + jobId).problem(404);
        // results cannot outlive their job (foreign keys); the worker drops the outcome and goes on
        String later = acme.startJob("{\"datasetId\": \"" + acme.uploadDataset("later", "id,x\na,1\nb,9\n") + "\", \"k\": 2}");
        assertThat(acme.awaitFinished(later).get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(count("SELECT count(*) FROM segmentation_result WHERE job_id = '" + jobId + "'")).isZero();
        assertThat(count("SELECT count(*) FROM segment_assignment WHERE job_id = '" + jobId + "'")).isZero();
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
