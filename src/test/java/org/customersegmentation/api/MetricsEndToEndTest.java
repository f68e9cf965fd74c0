package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.CustomerGroups;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Job metrics at /actuator/prometheus, behind an API key like the API. */
@EndToEndTest
class MetricsEndToEndTest {

    @LocalServerPort
    int port;

    @Test
    void aFinishedJobIsCountedAndTimedAndTheQueueIsGauged() {
        ApiClient acme = new ApiClient(port, Tenants.ACME_KEY);
        String before = acme.get("/actuator/prometheus").body();
        String datasetId = acme.uploadDataset("metrics", CustomerGroups.generate(2, new int[] {30, 20}, 0).csv());

        String jobId = acme.startJob("{\"datasetId\": \"" + datasetId + "\", \"k\": 2}");
        assertThat(acme.awaitFinished(jobId).get("status").asString()).isEqualTo("SUCCEEDED");

        String after = acme.get("/actuator/prometheus").body();
        assertThat(value(after, "segmentation_jobs_submitted_total")).isEqualTo(value(before, "segmentation_jobs_submitted_total") + 1);
        assertThat(value(after, "segmentation_jobs_succeeded_total")).isEqualTo(value(before, "segmentation_jobs_succeeded_total") + 1);
        assertThat(value(after, "segmentation_jobs_duration_seconds_count"))
                .isEqualTo(value(before, "segmentation_jobs_duration_seconds_count") + 1);
        assertThat(value(after, "segmentation_jobs_queue_time_seconds_count"))
                .isEqualTo(value(before, "segmentation_jobs_queue_time_seconds_count") + 1);
        assertThat(after).contains("segmentation_jobs_queued ", "segmentation_jobs_running ", "segmentation_jobs_failed_total",
                "segmentation_jobs_cancelled_total");
    }

    @Test
    void metricsNeedAnApiKey() {
        new ApiClient(port, null).get("/actuator/prometheus").problem(401);
    }

    /** The value of a metric without labels in the Prometheus text format. */
    private static double value(String exposition, String metric) {
        return exposition.lines().filter(line -> line.startsWith(metric + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(metric.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError(metric + " is not exposed"));
    }
}
