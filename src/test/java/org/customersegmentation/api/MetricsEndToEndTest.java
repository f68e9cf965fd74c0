package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.CustomerGroups;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Job metrics at /actuator/prometheus (behind the operator's key, as OperatorApiEndToEndTest shows). */
@EndToEndTest
class MetricsEndToEndTest {

    @LocalServerPort
    int port;

    @Test
    void aFinishedJobIsCountedAndTimedByTenantAndTheQueueIsGauged() {
        ApiClient acme = new ApiClient(port, Tenants.ACME_KEY);
        ApiClient globex = new ApiClient(port, Tenants.GLOBEX_KEY);
        ApiClient operator = ApiClient.operator(port, Tenants.OPERATOR_KEY);
        String before = quiet(operator);
        String csv = CustomerGroups.generate(2, new int[] {30, 20}, 0).csv();
        String acmeJob = acme.startJob("{\"datasetId\": \"" + acme.uploadDataset("metrics", csv) + "\", \"k\": 2}");
        String globexJob = globex.startJob("{\"datasetId\": \"" + globex.uploadDataset("metrics", csv) + "\", \"k\": 2}");
        assertThat(acme.awaitFinished(acmeJob).get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(globex.awaitFinished(globexJob).get("status").asString()).isEqualTo("SUCCEEDED");

        String after = operator.get("/actuator/prometheus").body();
        // acme is listed in segmentation.metrics.tenants; globex is not, and is counted as other
        for (String tenant : new String[] {"acme", "other"}) {
            for (String metric : new String[] {"segmentation_jobs_submitted_total", "segmentation_jobs_succeeded_total",
                    "segmentation_jobs_duration_seconds_count", "segmentation_jobs_queue_time_seconds_count"}) {
                assertThat(value(after, metric, tenant)).as(metric + " of " + tenant)
                        .isEqualTo(value(before, metric, tenant) + 1);
            }
        }
        assertThat(after).doesNotContain("tenant=\"globex\"");
        assertThat(after).contains("segmentation_jobs_queued ", "segmentation_jobs_running ");
    }

    /**
     * The metrics once no job is queued or running anywhere: other tests' jobs may still be finishing in this shared
     * context, and counting them would make the deltas below anything but this test's own.
     */
    private static String quiet(ApiClient client) {
        return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> client.get("/actuator/prometheus").body(),
                        body -> value(body, "segmentation_jobs_queued") == 0 && value(body, "segmentation_jobs_running") == 0);
    }

    /** The value of a metric without labels in the Prometheus text format. */
    private static double value(String exposition, String metric) {
        return exposition.lines().filter(line -> line.startsWith(metric + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(metric.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError(metric + " is not exposed"));
    }

    /** The value of a tenant's series of a metric, 0 before it has one. */
    private static double value(String exposition, String metric, String tenant) {
        return exposition.lines().filter(line -> line.startsWith(metric + "{") && line.contains("tenant=\"" + tenant + "\""))
                .findFirst()
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).trim()))
                .orElse(0.0);
    }
}
