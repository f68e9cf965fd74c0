package org.customersegmentation.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.ProcessDatabase;
import org.customersegmentation.support.ServiceProcess;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Jobs are shared fairly between tenants, across replicas: a tenant runs at most its runningJobs limit (1 by
 * default) at once on the whole cluster, and a tenant's heavy work does not hold up another tenant's small job. The
 * services run as processes of their own with the default limits, on a database of their own.
 */
class FairnessIT {

    static final Duration CLAIM_INTERVAL = Duration.ofSeconds(1);
    static final Map<String, String> SETTINGS = Map.of(
            "segmentation.api-keys", Tenants.ACME + "=" + Tenants.ACME_KEY + "," + Tenants.GLOBEX + "=" + Tenants.GLOBEX_KEY,
            "db-scheduler.threads", "2",
            "db-scheduler.polling-interval", CLAIM_INTERVAL.toMillis() + "ms");
    /** Every k from 2 to 40, 100 restarts each, on uniform points: minutes of work unless cancelled. */
    static final String HEAVY_JOB = """
            {"datasetId": "%s", "kRange": {"min": 2, "max": 40}, "restarts": 100, "seed": %d}""";

    final ProcessDatabase database = ProcessDatabase.shared().fresh("fairness_it");

    @Test
    void anotherTenantsSmallJobStartsWithinOneClaimIntervalWhileATenantsHeavyJobsRunAndWait() {
        try (ServiceProcess service = ServiceProcess.start("fairness", database, SETTINGS)) {
            ApiClient acme = service.client(Tenants.ACME_KEY);
            ApiClient globex = service.client(Tenants.GLOBEX_KEY);
            String heavyData = acme.uploadDataset("heavy", JobRecoveryIT.uniformCustomers(20_000, 4));
            List<String> heavy = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                heavy.add(acme.startJob(HEAVY_JOB.formatted(heavyData, i)));
            }
            acme.awaitJob(heavy.getFirst(), job -> job.get("status").asString().equals("RUNNING"), Duration.ofSeconds(30));
            String smallData = globex.uploadDataset("small", JobRecoveryIT.uniformCustomers(60, 2));

            String small = globex.startJob("{\"datasetId\": \"" + smallData + "\", \"k\": 2, \"seed\": 1}");
            JsonNode finished = globex.awaitFinished(small, Duration.ofSeconds(30));

            assertThat(finished.get("status").asString()).isEqualTo("SUCCEEDED");
            Duration waited = Duration.between(Instant.parse(finished.get("createdAt").asString()),
                    Instant.parse(finished.get("startedAt").asString()));
            assertThat(waited).as("globex's job waited behind acme's").isLessThan(CLAIM_INTERVAL);
            assertThat(acme.get("/api/v1/segmentations/" + heavy.getFirst()).json().get("status").asString())
                    .as("acme's heavy job is still running").isEqualTo("RUNNING");
            for (String waiting : heavy.subList(1, heavy.size())) {
                assertThat(acme.get("/api/v1/segmentations/" + waiting).json().get("status").asString())
                        .as("acme runs one job at a time").isEqualTo("QUEUED");
            }
            for (String job : heavy) {
                acme.postJson("/api/v1/segmentations/" + job + "/cancel", "");
            }
        }
    }

    @Test
    void aTenantNeverRunsMoreJobsAtOnceThanItsLimitAcrossReplicas() throws SQLException {
        List<String> jobs = new ArrayList<>();
        try (ServiceProcess first = ServiceProcess.start("fairness-replica-1", database, SETTINGS);
             ServiceProcess second = ServiceProcess.start("fairness-replica-2", database, SETTINGS)) {
            ApiClient[] replicas = {first.client(Tenants.ACME_KEY), second.client(Tenants.ACME_KEY)};
            String datasetId = replicas[0].uploadDataset("one-at-a-time", JobRecoveryIT.uniformCustomers(3_000, 3));
            for (int i = 0; i < 12; i++) {
                jobs.add(replicas[i % 2].startJob("""
                        {"datasetId": "%s", "k": 4, "restarts": 3, "seed": %d}""".formatted(datasetId, i)));
            }
            for (String job : jobs) {
                assertThat(replicas[0].awaitFinished(job, Duration.ofSeconds(120)).get("status").asString())
                        .isEqualTo("SUCCEEDED");
            }
        }

        List<Instant[]> runs = runsOf(jobs);
        for (int i = 0; i < runs.size(); i++) {
            for (int j = i + 1; j < runs.size(); j++) {
                boolean overlap = runs.get(i)[0].isBefore(runs.get(j)[1]) && runs.get(j)[0].isBefore(runs.get(i)[1]);
                assertThat(overlap).as("jobs %d and %d of acme ran at the same time", i, j).isFalse();
            }
        }
    }

    /** Each job's run, from its start to its end, as the database recorded them. */
    private List<Instant[]> runsOf(List<String> jobs) throws SQLException {
        List<Instant[]> runs = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(), database.password());
             PreparedStatement query = connection.prepareStatement(
                     "SELECT started_at, finished_at FROM segmentation_job WHERE id = ?::uuid")) {
            for (String job : jobs) {
                query.setString(1, job);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    runs.add(new Instant[] {row.getObject(1, Timestamp.class).toInstant(),
                            row.getObject(2, Timestamp.class).toInstant()});
                }
            }
        }
        return runs;
    }
}
