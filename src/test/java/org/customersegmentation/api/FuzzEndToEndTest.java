package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.CustomerGroups;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.RawHttp;
import org.customersegmentation.support.RequestFuzzer;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thousands of generated requests across every operation ({@link RequestFuzzer}): none may get a 5xx, every error
 * must be an application/problem+json whose detail names no Java type, and afterwards nothing may be half-stored
 * (every dataset has its row table holding its rows, and no job is CANCELLED with results or SUCCEEDED without).
 *
 * <p>The seed is fixed, so a build is repeatable; {@code -Dfuzz.seed=<n>} replays a failure and
 * {@code -Dfuzz.seed=random} draws a new seed, which a failure prints. {@code -Dfuzz.requests} sets how many.
 */
@EndToEndTest
class FuzzEndToEndTest {

    static final long DEFAULT_SEED = 20_261_206L;
    static final int DEFAULT_REQUESTS = 2_500;
    private static final Pattern JAVA_NAMES = Pattern.compile("java\\.|javax\\.|jakarta\\.|org\\.customersegmentation|"
            + "org\\.springframework|tools\\.jackson|Exception\\b|\\$[A-Z]");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void generatedRequestsGetNo5xxOnlyProblemsAndLeaveNothingHalfStored() {
        long seed = seed();
        int count = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
        System.out.println("FuzzEndToEndTest: seed " + seed + ", " + count + " requests");
        ApiClient fuzz = new ApiClient(port, Tenants.FUZZ_KEY);
        ApiClient other = new ApiClient(port, Tenants.GLOBEX_KEY);
        String datasetId = fuzz.uploadDataset("fuzzed", CustomerGroups.generate(3, new int[] {40, 25}, 0).csv());
        String jobId = fuzz.startJob("{\"datasetId\": \"" + datasetId + "\", \"k\": 2, \"seed\": 3}");
        fuzz.awaitFinished(jobId, Duration.ofSeconds(60));
        String otherDataset = other.uploadDataset("not-fuzz's", CustomerGroups.generate(4, new int[] {20, 10}, 0).csv());
        String otherJob = other.startJob("{\"datasetId\": \"" + otherDataset + "\", \"k\": 2, \"seed\": 4}");
        RequestFuzzer.Targets targets = new RequestFuzzer.Targets(Tenants.FUZZ_KEY, datasetId, jobId, otherDataset, otherJob);

        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<RequestFuzzer.Request> requests = RequestFuzzer.generate(seed, count, targets);
        for (int i = 0; i < requests.size() && failures.size() < 20; i++) {
            RequestFuzzer.Request request = requests.get(i);
            String failure = check(request, statuses);
            if (failure != null) {
                failures.add("#" + i + " " + request.describe() + "\n    -> " + failure);
            }
        }

        assertThat(failures).as("seed %d (replay with -Dfuzz.seed=%d): requests answered wrongly", seed, seed).isEmpty();
        System.out.println("FuzzEndToEndTest: " + statuses + " (status: requests)");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dataset d WHERE d.tenant_id = ? AND to_regclass("
                + "'dataset_rows_' || replace(d.id::text, '-', '')) IS NULL", Long.class, Tenants.FUZZ))
                .as("seed %d: datasets without rows", seed).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_tables t WHERE t.tablename LIKE 'dataset\\_rows\\_%' AND "
                + "NOT EXISTS (SELECT 1 FROM dataset d WHERE t.tablename = 'dataset_rows_' || replace(d.id::text, '-', ''))",
                Long.class)).as("seed %d: row tables without a dataset", seed).isZero();
        for (String stored : jdbc.queryForList("SELECT id::text FROM dataset WHERE tenant_id = ?", String.class, Tenants.FUZZ)) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM dataset_rows_" + stored.replace("-", ""), Long.class))
                    .as("seed %d: rows of dataset %s", seed, stored)
                    .isEqualTo(jdbc.queryForObject("SELECT row_count FROM dataset WHERE id = ?::uuid", Long.class, stored));
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM segmentation_job j WHERE (j.status = 'CANCELLED' AND EXISTS "
                + "(SELECT 1 FROM segmentation_result r WHERE r.job_id = j.id)) OR (j.status = 'SUCCEEDED' AND NOT EXISTS "
                + "(SELECT 1 FROM segmentation_result r WHERE r.job_id = j.id))", Long.class))
                .as("seed %d: jobs CANCELLED with results or SUCCEEDED without", seed).isZero();
    }

    /** What is wrong with the answer to this request; null when nothing is. */
    private String check(RequestFuzzer.Request request, Map<Integer, Integer> statuses) {
        RawHttp.Response response;
        try {
            response = RawHttp.exchange(port, request.head(), request.body());
        } catch (IOException | RuntimeException e) {
            return "no answer: " + e;
        }
        statuses.merge(response.status(), 1, Integer::sum);
        if (response.status() >= 500) {
            return response.status() + " " + response.body();
        }
        if (response.status() < 400 || request.method().equals("HEAD")) {
            return null;
        }
        if (response.contentType() == null || !response.contentType().toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            return response.status() + " with Content-Type " + response.contentType() + ": " + response.body();
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(response.body());
        } catch (RuntimeException e) {
            return response.status() + " problem that is not JSON: " + response.body();
        }
        if (problem.path("status").asInt() != response.status() || problem.path("title").asString("").isBlank()
                || problem.path("detail").asString("").isBlank()) {
            return response.status() + " problem without status, title or detail: " + response.body();
        }
        if (JAVA_NAMES.matcher(problem.path("detail").asString()).find()) {
            return response.status() + " problem naming a Java type: " + response.body();
        }
        return null;
    }

    private static long seed() {
        String configured = System.getProperty("fuzz.seed");
        if (configured == null || configured.isBlank()) {
            return DEFAULT_SEED;
        }
        return configured.equals("random") ? System.nanoTime() : Long.parseLong(configured);
    }
}
