package org.customersegmentation.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.Gzip;
import org.customersegmentation.support.ProcessDatabase;
import org.customersegmentation.support.RawHttpUpload;
import org.customersegmentation.support.ServiceProcess;
import org.customersegmentation.support.Tenants;
import org.customersegmentation.support.ThrowawayPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The packaged service against a PostgreSQL of the test's own, which the test stops, starts and restarts under it
 * (never the database the other tests share), and a process killed mid-upload or given a full temporary disk.
 * Whatever happens to the database, a client sees 2xx, 409 or a 503 with Retry-After, never a 500; the instance
 * says it is not ready while the database is away; and jobs end SUCCEEDED exactly once.
 */
class FaultToleranceIT {

    static final Map<String, String> SETTINGS = Map.of(
            "db-scheduler.heartbeat-interval", "1s",
            "db-scheduler.polling-interval", "500ms",
            "segmentation.limits.defaults.running-jobs", "2",
            "segmentation.limits.defaults.requests-per-second", "1000",
            "segmentation.limits.defaults.request-burst", "1000");
    static final Set<Integer> ALLOWED_DURING_FAULTS = Set.of(200, 201, 202, 409, 503);
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static ThrowawayPostgres postgres;

    @BeforeAll
    static void ownPostgres() {
        postgres = ThrowawayPostgres.create("segmentation_faults_it");
    }

    @AfterAll
    static void dropIt() {
        postgres.close();
    }

    @Test
    void whileTheDatabaseIsDownTheInstanceIsNotReadyAndAnswers503FastThenRecovers() {
        ProcessDatabase database = postgres.database("outage");
        try (ServiceProcess service = ServiceProcess.start("fault-outage", database, SETTINGS)) {
            ApiClient acme = service.client(Tenants.ACME_KEY);
            String datasetId = acme.uploadDataset("before", "id,spend\na,1\nb,2\nc,30\n");
            assertThat(probe(service, "readiness")).isEqualTo(200);

            postgres.stop();
            assertThat(postgres.accepting()).isFalse();
            long stopped = System.nanoTime();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> probe(service, "readiness") == 503);
            Duration notReadyAfter = Duration.ofNanos(System.nanoTime() - stopped);
            assertThat(probe(service, "liveness")).as("a restart would not bring the database back").isEqualTo(200);

            long asked = System.nanoTime();
            ApiClient.Response down = acme.get("/api/v1/datasets/" + datasetId);
            Duration answeredIn = Duration.ofNanos(System.nanoTime() - asked);

            assertThat(down.problem(503).get("title").asString()).isEqualTo("Database unavailable");
            assertThat(down.headers().firstValue("Retry-After")).hasValue("5");
            // generous bounds: what they guard against is the 30 s wait for a connection that every request had
            assertThat(notReadyAfter).as("readiness DOWN after the database stopped").isLessThan(Duration.ofSeconds(10));
            assertThat(answeredIn).as("a request while the database is down").isLessThan(Duration.ofSeconds(4));
            System.out.println("FaultToleranceIT: readiness DOWN " + notReadyAfter.toMillis() + " ms after the stop; "
                    + "a request answered 503 in " + answeredIn.toMillis() + " ms");

            postgres.start();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> probe(service, "readiness") == 200);
            assertThat(acme.get("/api/v1/datasets/" + datasetId).status()).isEqualTo(200);
        }
    }

    @Test
    void aRestartUnderUploadsJobsAndPollsGivesNo500AndEveryJobSucceedsExactlyOnce() throws Exception {
        ProcessDatabase database = postgres.database("restart");
        try (ServiceProcess service = ServiceProcess.start("fault-restart", database, SETTINGS)) {
            ApiClient acme = service.client(Tenants.ACME_KEY);
            String datasetId = acme.uploadDataset("under-load", JobRecoveryIT.uniformCustomers(15_000, 4));
            Map<Integer, Integer> seen = new ConcurrentHashMap<>();
            List<String> jobs = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean running = new AtomicBoolean(true);
            CountDownLatch someJobsAccepted = new CountDownLatch(3);
            ExecutorService clients = Executors.newFixedThreadPool(3);
            List<Future<?>> work = new ArrayList<>();
            work.add(clients.submit(() -> { // submits jobs, each until accepted, retrying with its Idempotency-Key
                for (int i = 0; i < 8; i++) {
                    String key = UUID.randomUUID().toString();
                    String request = "{\"datasetId\": \"" + datasetId + "\", \"k\": 4, \"restarts\": 4, \"seed\": " + i + "}";
                    ApiClient.Response accepted = untilAnswered(seen, () -> acme.post("/api/v1/segmentations",
                            "application/json", request.getBytes(StandardCharsets.UTF_8), "Idempotency-Key", key));
                    jobs.add(accepted.json().get("id").asString());
                    someJobsAccepted.countDown();
                }
            }));
            work.add(clients.submit(() -> { // uploads, each until stored
                for (int i = 0; running.get(); i++) {
                    String key = UUID.randomUUID().toString();
                    byte[] csv = ("id,spend\n" + "c%d,%d\n".repeat(1).formatted(i, i) + "z,1\n").getBytes(StandardCharsets.UTF_8);
                    untilAnswered(seen, () -> acme.post("/api/v1/datasets?name=load-" + key, "text/csv", csv,
                            "Idempotency-Key", key));
                }
            }));
            work.add(clients.submit(() -> { // polls the jobs
                while (running.get()) {
                    for (String job : List.copyOf(jobs)) {
                        record(seen, acme.get("/api/v1/segmentations/" + job));
                    }
                    record(seen, acme.get("/api/v1/segmentations?size=5"));
                }
            }));

            assertThat(someJobsAccepted.await(60, TimeUnit.SECONDS)).isTrue();
            postgres.restart();
            work.getFirst().get(180, TimeUnit.SECONDS); // every job accepted, across the restart
            running.set(false);
            for (Future<?> client : work) {
                client.get(60, TimeUnit.SECONDS);
            }
            clients.shutdown();

            for (String job : jobs) {
                JsonNode finished = acme.awaitFinished(job, Duration.ofSeconds(180));
                assertThat(finished.get("status").asString()).as(finished.toString()).isEqualTo("SUCCEEDED");
                assertThat(database.number("SELECT count(*) FROM segmentation_result WHERE job_id = ?", UUID.fromString(job)))
                        .isEqualTo(1);
            }
            assertThat(new HashSet<>(jobs)).hasSize(8);
            assertThat(database.number("SELECT count(*) FROM segmentation_job WHERE dataset_id = ?", UUID.fromString(datasetId)))
                    .as("one job per Idempotency-Key, however often it was retried").isEqualTo(8);
            System.out.println("FaultToleranceIT: answers seen across the restart (status: count) " + seen);
            assertThat(seen.keySet()).as("statuses seen across the restart").isSubsetOf(ALLOWED_DURING_FAULTS);
            assertThat(seen).containsKey(503);
        }
    }

    @Test
    void aKilledUploadsIdempotencyKeyIsFreeForTheRetryOnceTheServiceIsBack() throws Exception {
        ProcessDatabase database = postgres.database("killed");
        String key = UUID.randomUUID().toString();
        try (ServiceProcess doomed = ServiceProcess.start("fault-killed-upload", database, SETTINGS);
             RawHttpUpload upload = new RawHttpUpload(doomed.port(), Tenants.ACME_KEY, "Idempotency-Key: " + key + "\r\n")) {
            upload.send("id,spend\n" + "c1,1\n");
            await().atMost(Duration.ofSeconds(10)).until(() -> database.number(
                    "SELECT count(*) FROM idempotency_key WHERE key = ?", key) == 1);
            doomed.kill();
        }
        try (ServiceProcess restarted = ServiceProcess.start("fault-after-kill", database, SETTINGS)) {
            ApiClient acme = restarted.client(Tenants.ACME_KEY);
            long ready = System.nanoTime();
            List<Integer> answers = new ArrayList<>();
            ApiClient.Response retry;
            do {
                retry = acme.post("/api/v1/datasets?name=raw", "text/csv",
                        "id,spend\nc1,1\nc2,2\n".getBytes(StandardCharsets.UTF_8), "Idempotency-Key", key);
                answers.add(retry.status());
                if (retry.status() == 409) {
                    await().pollDelay(Duration.ofSeconds(Long.parseLong(retry.headers().firstValue("Retry-After")
                            .orElseThrow()))).until(() -> true); // as a client told Retry-After waits
                }
            } while (retry.status() == 409 && answers.size() < 20);

            assertThat(retry.status()).as("answers to the retries: %s", answers).isEqualTo(201);
            assertThat(Duration.ofNanos(System.nanoTime() - ready)).as("within the 10 s lease of the dead claim")
                    .isLessThan(Duration.ofSeconds(12));
        }
    }

    @Test
    void aFullTemporaryDiskIsA503NamingItAndNothingIsStored() throws IOException {
        ProcessDatabase database = postgres.database("disk");
        Path scratch = Files.createDirectories(Path.of("target", "tiny-tmp").toAbsolutePath());
        // the service gets a temporary directory of 512 KB: a tmpfs mounted in a mount namespace of its own
        List<String> smallDisk = List.of("unshare", "--map-root-user", "--mount", "sh", "-c",
                "mount -t tmpfs -o size=512k tmpfs '" + scratch + "' && exec \"$@\"", "sh");
        try (ServiceProcess service = ServiceProcess.start("fault-disk-full", database, SETTINGS, smallDisk,
                List.of("-Djava.io.tmpdir=" + scratch))) {
            ApiClient acme = service.client(Tenants.ACME_KEY);

            StringBuilder numbers = new StringBuilder("id,spend\n"); // 150,000 values spill 1.2 MB to the disk
            Random random = new Random(9);
            for (int i = 0; i < 150_000; i++) {
                numbers.append('c').append(i).append(',').append(random.nextInt(1000)).append('\n');
            }
            ApiClient.Response spilled = acme.postCsv("/api/v1/datasets", numbers.toString());
            assertStorageFull(spilled);

            byte[] digits = new byte[1_500_000]; // random digits: a gzip body of some 700 KB, received to the disk first
            for (int i = 0; i < digits.length; i++) {
                digits[i] = (byte) (i % 40 == 39 ? '\n' : '0' + random.nextInt(10));
            }
            ApiClient.Response received = acme.post("/api/v1/datasets", "text/csv",
                    Gzip.compress(("spend\n" + new String(digits, StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII)),
                    "Content-Encoding", "gzip");
            assertStorageFull(received);

            assertThat(database.number("SELECT count(*) FROM dataset")).isZero();
            assertThat(database.number("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'dataset\\_rows\\_%'")).isZero();
            assertThat(acme.uploadDataset("small", "id,spend\na,1\nb,2\n")).as("the failed uploads freed the disk")
                    .isNotBlank();
        }
    }

    private static void assertStorageFull(ApiClient.Response response) {
        assertThat(response.problem(503).get("title").asString()).isEqualTo("Server storage full");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
    }

    /** Sends until the answer is 2xx, waiting as Retry-After says; every answer on the way is recorded. */
    private static ApiClient.Response untilAnswered(Map<Integer, Integer> seen, java.util.function.Supplier<ApiClient.Response> call) {
        for (int attempt = 0; attempt < 120; attempt++) {
            ApiClient.Response response = call.get();
            record(seen, response);
            if (response.status() / 100 == 2) {
                return response;
            }
            long wait = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
            await().pollDelay(Duration.ofSeconds(Math.min(wait, 5))).until(() -> true);
        }
        throw new AssertionError("never answered with success");
    }

    private static void record(Map<Integer, Integer> seen, ApiClient.Response response) {
        seen.merge(response.status(), 1, Integer::sum);
    }

    private static int probe(ServiceProcess service, String probe) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + service.port()
                    + "/actuator/health/" + probe)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
