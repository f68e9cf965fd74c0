package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Listing, cancelling and deleting jobs over HTTP, with the service's two job threads kept busy. */
@EndToEndTest
class SegmentationControlEndToEndTest {

    /** Every k from 2 to 40, 100 restarts each, on uniform points: many minutes of work unless cancelled. */
    static final String LONG_JOB = """
            {"datasetId": "%s", "kRange": {"min": 2, "max": 40}, "restarts": 100, "seed": %d}""";

    @LocalServerPort
    int port;

    @Test
    void queuedAndRunningJobsCanBeCancelledFinishedOnesDeletedAndAllListed() {
        ApiClient acme = new ApiClient(port, Tenants.ACME_KEY);
        String datasetId = acme.uploadDataset("control", uniformCustomers(20_000));
        String first = acme.startJob(LONG_JOB.formatted(datasetId, 1));
        String second = acme.startJob(LONG_JOB.formatted(datasetId, 2));
        awaitStatus(acme, first, "RUNNING");
        awaitStatus(acme, second, "RUNNING");
        String queued = acme.startJob(LONG_JOB.formatted(datasetId, 3)); // both threads are busy
        assertThat(acme.get("/api/v1/segmentations/" + queued).json().get("progress").toString())
                .isEqualTo("{\"phase\":\"QUEUED\",\"percent\":0,\"k\":null}");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                acme.get("/api/v1/segmentations/" + first).json().get("progress").get("phase").asString().equals("CLUSTERING"));
        JsonNode progress = acme.get("/api/v1/segmentations/" + first).json().get("progress");
        assertThat(progress.get("k").asInt()).isBetween(2, 40);
        assertThat(progress.get("percent").asInt()).isBetween(15, 90);

        JsonNode cancelledWhileQueued = acme.postJson("/api/v1/segmentations/" + queued + "/cancel", "").json();
        assertThat(cancelledWhileQueued.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(acme.postJson("/api/v1/segmentations/" + first + "/cancel", "").status()).isEqualTo(202);
        assertThat(acme.postJson("/api/v1/segmentations/" + second + "/cancel", "").status()).isEqualTo(202);

        // the cancelled computations free their threads: a short job now runs to the end
        String quick = acme.startJob("""
                {"datasetId": "%s", "k": 2, "restarts": 1, "seed": 4}""".formatted(datasetId));
        assertThat(acme.awaitFinished(quick, Duration.ofSeconds(30)).get("status").asString()).isEqualTo("SUCCEEDED");
        for (String cancelled : new String[] {first, second, queued}) {
            JsonNode job = acme.get("/api/v1/segmentations/" + cancelled).json();
            assertThat(job.get("status").asString()).isEqualTo("CANCELLED");
            assertThat(job.get("finishedAt").isNull()).isFalse();
            assertThat(job.get("progress").isNull()).isTrue();
            acme.get("/api/v1/segmentations/" + cancelled + "/result").problem(409);
        }
        assertThat(acme.get("/api/v1/segmentations/" + queued).json().get("startedAt").isNull())
                .as("a job cancelled while queued never starts").isTrue();

        JsonNode listed = acme.get("/api/v1/segmentations?datasetId=" + datasetId + "&status=CANCELLED").json();
        assertThat(listed.get("content").valueStream().map(job -> job.get("id").asString()))
                .containsExactly(queued, second, first);
        assertThat(listed.get("page").get("totalElements").asInt()).isEqualTo(3);
        assertThat(acme.get("/api/v1/segmentations?datasetId=" + datasetId + "&size=2").json().get("content")
                .valueStream().map(job -> job.get("id").asString())).containsExactly(quick, queued);
        assertThat(new ApiClient(port, Tenants.GLOBEX_KEY).get("/api/v1/segmentations?datasetId=" + datasetId).json()
                .get("content")).isEmpty();

        JsonNode finishedAlready = acme.postJson("/api/v1/segmentations/" + quick + "/cancel", "").problem(409);
        assertThat(finishedAlready.get("jobStatus").asString()).isEqualTo("SUCCEEDED");
        assertThat(acme.delete("/api/v1/segmentations/" + quick).status()).isEqualTo(204);
        acme.get("/api/v1/segmentations/" + quick).problem(404);
        acme.get("/api/v1/segmentations/" + quick + "/assignments").problem(404);
        assertThat(acme.delete("/api/v1/segmentations/" + first).status()).isEqualTo(204);
        acme.get("/api/v1/segmentations?status=DONE").problem(400);
    }

    @Test
    void aTenantMayKeepTwentyJobsQueuedAndThenIsToldToWait() {
        ApiClient globex = new ApiClient(port, Tenants.GLOBEX_KEY);
        String datasetId = globex.uploadDataset("queue-limit", uniformCustomers(20_000));
        List<String> jobs = new ArrayList<>();
        for (int seed = 0; seed < 2; seed++) {
            jobs.add(globex.startJob(LONG_JOB.formatted(datasetId, seed)));
            awaitStatus(globex, jobs.getLast(), "RUNNING");
        }
        for (int seed = 2; seed < 22; seed++) {
            jobs.add(globex.startJob(LONG_JOB.formatted(datasetId, seed))); // both threads are busy: these wait
        }

        ApiClient.Response refused = globex.postJson("/api/v1/segmentations", LONG_JOB.formatted(datasetId, 99));
        JsonNode problem = refused.problem(429);
        assertThat(problem.get("queued").asInt()).isEqualTo(20);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        new ApiClient(port, Tenants.ACME_KEY).startJob("""
                {"datasetId": "%s", "k": 2}""".formatted(new ApiClient(port, Tenants.ACME_KEY)
                .uploadDataset("other-tenant", uniformCustomers(100)))); // another tenant's queue is its own

        jobs.forEach(job -> globex.postJson("/api/v1/segmentations/" + job + "/cancel", ""));
        String accepted = globex.startJob(LONG_JOB.formatted(datasetId, 99)); // room again
        globex.postJson("/api/v1/segmentations/" + accepted + "/cancel", "");
    }

    @Test
    void aJobStillQueuedOrRunningCannotBeDeleted() {
        ApiClient acme = new ApiClient(port, Tenants.ACME_KEY);
        String datasetId = acme.uploadDataset("undeletable", uniformCustomers(20_000));
        String running = acme.startJob(LONG_JOB.formatted(datasetId, 5));
        awaitStatus(acme, running, "RUNNING");

        JsonNode refused = acme.delete("/api/v1/segmentations/" + running).problem(409);
        assertThat(refused.get("detail").asString()).contains("cancel it first");

        acme.postJson("/api/v1/segmentations/" + running + "/cancel", "");
        assertThat(acme.delete("/api/v1/segmentations/" + running).status()).isEqualTo(204);
    }

    private static void awaitStatus(ApiClient client, String jobId, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> client.get("/api/v1/segmentations/" + jobId).json().get("status").asString().equals(status));
    }

    private static String uniformCustomers(int customers) {
        Random random = new Random(8);
        StringBuilder csv = new StringBuilder("customer_id,a,b,c\n");
        for (int i = 0; i < customers; i++) {
            csv.append(i).append(',').append(random.nextInt(1000)).append(',').append(random.nextInt(1000)).append(',')
                    .append(random.nextInt(1000)).append('\n');
        }
        return csv.toString();
    }
}
