package org.customersegmentation.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.ProcessDatabase;
import org.customersegmentation.support.ServiceProcess;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Jobs outlive the process that runs them: the packaged service is started as separate processes on one
 * database, killed with SIGKILL or stopped with SIGTERM in the middle of a job, and run as two replicas.
 */
class JobRecoveryIT {

    /** A short heartbeat, so that a dead instance's job is run again within seconds rather than 40. */
    static final Map<String, String> FAST_HEARTBEAT = Map.of(
            "db-scheduler.heartbeat-interval", "1s",
            "db-scheduler.polling-interval", "500ms");
    static final int CUSTOMERS = 60_000;
    /** Uniform points: Lloyd's iterations run long, so the job is still running when its instance is killed. */
    static final String REQUEST = """
            {"datasetId": "%s", "k": 8, "restarts": 12, "seed": 31}""";

    final ProcessDatabase database = ProcessDatabase.shared();

    @Test
    void aJobWhoseInstanceIsKilledFinishesOnAnotherOnceWithTheResultsOfAnUninterruptedRun() {
        String datasetId;
        String jobId;
        try (ServiceProcess doomed = ServiceProcess.start("recovery-killed", database, FAST_HEARTBEAT)) {
            ApiClient acme = doomed.client(Tenants.ACME_KEY);
            datasetId = acme.uploadDataset("recovery", uniformCustomers(CUSTOMERS, 6));
            jobId = acme.startJob(REQUEST.formatted(datasetId));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> acme.get("/api/v1/segmentations/" + jobId).json().get("status").asString().equals("RUNNING"));

            doomed.kill();
        }
        UUID job = UUID.fromString(jobId);
        assertThat(database.number("SELECT count(*) FROM segmentation_job WHERE id = ? AND status = 'RUNNING'", job))
                .as("the job was still running when its instance died").isEqualTo(1);
        assertThat(database.number("SELECT count(*) FROM segmentation_result WHERE job_id = ?", job)).isZero();

        try (ServiceProcess survivor = ServiceProcess.start("recovery-survivor", database, FAST_HEARTBEAT)) {
            ApiClient acme = survivor.client(Tenants.ACME_KEY);
            JsonNode finished = acme.awaitFinished(jobId, Duration.ofSeconds(180));
            assertThat(finished.get("status").asString()).as(finished.toString()).isEqualTo("SUCCEEDED");

            assertThat(database.number("SELECT attempt FROM segmentation_job WHERE id = ?", job)).isEqualTo(2);
            assertThat(database.number("SELECT count(*) FROM segmentation_result WHERE job_id = ?", job)).isEqualTo(1);
            assertThat(database.number("SELECT count(*) FROM segment_assignment WHERE job_id = ?", job)).isEqualTo(CUSTOMERS);
            assertThat(database.number("SELECT count(DISTINCT row_number) FROM segment_assignment WHERE job_id = ?", job))
                    .isEqualTo(CUSTOMERS);

            String uninterrupted = acme.startJob(REQUEST.formatted(datasetId));
            assertThat(acme.awaitFinished(uninterrupted, Duration.ofSeconds(180)).get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(ApiClient.withoutReportUrl(acme.get("/api/v1/segmentations/" + jobId + "/result").body())
                    .replace(jobId, "JOB")).isEqualTo(ApiClient.withoutReportUrl(
                            acme.get("/api/v1/segmentations/" + uninterrupted + "/result").body()).replace(uninterrupted, "JOB"));
            assertThat(database.number("SELECT count(*) FROM segment_assignment a JOIN segment_assignment b "
                            + "ON a.row_number = b.row_number AND a.segment = b.segment AND a.distance = b.distance "
                            + "WHERE a.job_id = ? AND b.job_id = ?", job, UUID.fromString(uninterrupted)))
                    .isEqualTo(CUSTOMERS);
        }
    }

    @Test
    void aStoppedInstanceLetsItsRunningJobFinishWithinTheGracePeriod() {
        String jobId;
        try (ServiceProcess redeployed = ServiceProcess.start("graceful-stop", database,
                Map.of("db-scheduler.shutdown-max-wait", "120s"))) {
            ApiClient acme = redeployed.client(Tenants.ACME_KEY);
            String datasetId = acme.uploadDataset("graceful", uniformCustomers(20_000, 4));
            jobId = acme.startJob(REQUEST.formatted(datasetId));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> acme.get("/api/v1/segmentations/" + jobId).json().get("status").asString().equals("RUNNING"));

            redeployed.stop();
        }

        UUID job = UUID.fromString(jobId);
        assertThat(database.number("SELECT count(*) FROM segmentation_job WHERE id = ? AND status = 'SUCCEEDED' "
                + "AND attempt = 1", job)).isEqualTo(1);
        assertThat(database.number("SELECT count(*) FROM segment_assignment WHERE job_id = ?", job)).isEqualTo(20_000);
        assertThat(database.number("SELECT count(*) FROM scheduled_tasks WHERE task_instance = ?", jobId)).isZero();
    }

    @Test
    void aJobStillRunningWhenTheGracePeriodEndsIsRunAgainByTheNextInstance() {
        String jobId;
        try (ServiceProcess redeployed = ServiceProcess.start("grace-exceeded", database,
                Map.of("db-scheduler.shutdown-max-wait", "1s", "db-scheduler.heartbeat-interval", "1s"))) {
            ApiClient acme = redeployed.client(Tenants.ACME_KEY);
            String datasetId = acme.uploadDataset("grace-exceeded", uniformCustomers(CUSTOMERS, 6));
            jobId = acme.startJob(REQUEST.formatted(datasetId));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> acme.get("/api/v1/segmentations/" + jobId).json().get("status").asString().equals("RUNNING"));

            redeployed.stop();
        }
        assertThat(database.number("SELECT count(*) FROM segmentation_result WHERE job_id = ?", UUID.fromString(jobId))).isZero();

        try (ServiceProcess next = ServiceProcess.start("grace-next", database, FAST_HEARTBEAT)) {
            JsonNode finished = next.client(Tenants.ACME_KEY).awaitFinished(jobId, Duration.ofSeconds(180));
            assertThat(finished.get("status").asString()).as(finished.toString()).isEqualTo("SUCCEEDED");
            assertThat(database.number("SELECT attempt FROM segmentation_job WHERE id = ?", UUID.fromString(jobId)))
                    .isEqualTo(2);
        }
    }

    @Test
    void twoInstancesRunFortyJobsEachExactlyOnce() {
        int customers = 2_000;
        // as many of the tenant's jobs at once as both replicas have threads, so that either may take any of them
        Map<String, String> settings = Map.of("db-scheduler.polling-interval", "200ms",
                "segmentation.limits.defaults.running-jobs", "4");
        try (ServiceProcess first = ServiceProcess.start("replica-1", database, settings);
             ServiceProcess second = ServiceProcess.start("replica-2", database, settings)) {
            ApiClient[] replicas = {first.client(Tenants.ACME_KEY), second.client(Tenants.ACME_KEY)};
            String datasetId = replicas[0].uploadDataset("replicas", uniformCustomers(customers, 3));
            List<String> jobs = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                jobs.add(replicas[i % 2].startJob("""
                        {"datasetId": "%s", "k": 4, "restarts": 3, "seed": %d}""".formatted(datasetId, i)));
            }

            for (String jobId : jobs) {
                JsonNode finished = replicas[0].awaitFinished(jobId, Duration.ofSeconds(180));
                assertThat(finished.get("status").asString()).as(finished.toString()).isEqualTo("SUCCEEDED");
                UUID job = UUID.fromString(jobId);
                assertThat(database.number("SELECT attempt FROM segmentation_job WHERE id = ?", job)).as(jobId).isEqualTo(1);
                assertThat(database.number("SELECT count(*) FROM segmentation_result WHERE job_id = ?", job)).isEqualTo(1);
                assertThat(database.number("SELECT count(*) FROM segment_assignment WHERE job_id = ?", job)).isEqualTo(customers);
                assertThat(database.number("SELECT count(DISTINCT row_number) FROM segment_assignment WHERE job_id = ?", job))
                        .isEqualTo(customers);
            }
            assertThat(succeededJobs(first) + succeededJobs(second)).isEqualTo(40);
            assertThat(succeededJobs(first)).as("jobs the first replica ran").isPositive();
            assertThat(succeededJobs(second)).as("jobs the second replica ran").isPositive();
        }
    }

    private static long succeededJobs(ServiceProcess service) {
        return service.log().lines().filter(line -> line.contains("JobRunner") && line.contains(" succeeded: ")).count();
    }

    /** A CSV of customers with uniformly random features: no segments for k-means to settle on quickly. */
    static String uniformCustomers(int customers, int features) {
        Random random = new Random(5);
        StringBuilder csv = new StringBuilder("customer_id");
        for (int f = 1; f <= features; f++) {
            csv.append(",f").append(f);
        }
        csv.append('\n');
        for (int i = 0; i < customers; i++) {
            csv.append("C").append(i);
            for (int f = 0; f < features; f++) {
                csv.append(',').append(Math.round(random.nextDouble() * 1_000_000) / 1000.0);
            }
            csv.append('\n');
        }
        return csv.toString();
    }
}
