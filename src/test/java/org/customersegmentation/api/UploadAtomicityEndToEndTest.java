package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Leftovers;
import org.customersegmentation.support.RawHttpUpload;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * An upload lands whole or not at all, over real HTTP: a fault at the end of the body, a client that hangs up
 * half-way, and a database connection killed in the middle of the COPY all leave nothing behind.
 */
@EndToEndTest
class UploadAtomicityEndToEndTest {

    private static final String ACTIVE_COPIES =
            "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'COPY dataset\\_rows\\_%' AND state = 'active'";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient acme;

    @BeforeEach
    void setUp() {
        acme = new ApiClient(port, Tenants.ACME_KEY);
    }

    @Test
    void aBrokenLastLineOfALargeUploadLeavesNothingBehind() {
        Leftovers before = Leftovers.in(jdbc);
        StringBuilder csv = new StringBuilder("id,spend,visits\n");
        int rows = 40_000;
        for (int i = 1; i < rows; i++) {
            csv.append(i).append(',').append(i % 997).append(".5,").append(i % 13).append('\n');
        }
        csv.append(rows).append(",1.5\n");

        JsonNode problem = acme.postCsv("/api/v1/datasets", csv.toString()).problem(400);

        assertThat(problem.get("line").asInt()).isEqualTo(rows + 1);
        assertThat(Leftovers.in(jdbc)).isEqualTo(before);
    }

    @Test
    void aClientThatHangsUpMidCopyLeavesNothingBehind() throws IOException {
        Leftovers before = Leftovers.in(jdbc);
        try (RawHttpUpload upload = new RawHttpUpload(port, Tenants.ACME_KEY)) {
            upload.send("id,spend\n" + rows(1, 20_000));
            await().atMost(Duration.ofSeconds(20)).until(() -> count(ACTIVE_COPIES) == 1);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> count(ACTIVE_COPIES) == 0);
        assertThat(Leftovers.in(jdbc)).isEqualTo(before);
        assertThat(acme.uploadDataset("after-hang-up", "id,spend\na,1\n")).isNotBlank();
    }

    @Test
    void aDatabaseConnectionKilledMidCopyAnswers503AndLeavesNothingBehind() throws IOException {
        Leftovers before = Leftovers.in(jdbc);
        String response;
        try (RawHttpUpload upload = new RawHttpUpload(port, Tenants.ACME_KEY)) {
            upload.send("id,spend\n" + rows(1, 20_000));
            await().atMost(Duration.ofSeconds(20)).until(() -> count(ACTIVE_COPIES) == 1);

            assertThat(count("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    + "WHERE query LIKE 'COPY dataset\\_rows\\_%' AND state = 'active'")).isEqualTo(1);
            upload.send(rows(20_001, 40_000));
            response = upload.finish();
        }

        assertThat(response).startsWith("HTTP/1.1 503").contains("application/problem+json").contains("Database unavailable");
        assertThat(Leftovers.in(jdbc)).isEqualTo(before);
        assertThat(acme.uploadDataset("after-kill", "id,spend\na,1\n")).isNotBlank();
    }

    @Test
    void uploadsBeyondATenantsLimitAre429AndBeyondTheInstancesLimit503BothWithRetryAfter() throws IOException {
        List<RawHttpUpload> streaming = new ArrayList<>();
        try {
            // segmentation.limits.defaults.concurrent-uploads (2) each for acme and globex: 4 in all, the instance's limit
            for (String key : new String[] {Tenants.ACME_KEY, Tenants.ACME_KEY, Tenants.GLOBEX_KEY, Tenants.GLOBEX_KEY}) {
                RawHttpUpload upload = new RawHttpUpload(port, key);
                streaming.add(upload);
                upload.send("id,spend\n" + rows(1, 20_000));
                int expected = streaming.size();
                await().atMost(Duration.ofSeconds(20)).until(() -> count(ACTIVE_COPIES) == expected);
            }

            ApiClient.Response tenantBusy = acme.postCsv("/api/v1/datasets", "id,spend\na,1\n");
            assertThat(tenantBusy.problem(429).get("title").asString()).isEqualTo("Too many uploads at once");
            assertThat(tenantBusy.headers().firstValue("Retry-After")).contains("5");

            ApiClient.Response instanceBusy = new ApiClient(port, Tenants.INITECH_KEY).postCsv("/api/v1/datasets",
                    "id,spend\na,1\n");
            assertThat(instanceBusy.problem(503).get("title").asString()).isEqualTo("Too many uploads");
            assertThat(instanceBusy.headers().firstValue("Retry-After")).contains("5");
        } finally {
            for (RawHttpUpload upload : streaming) {
                upload.close();
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> count(ACTIVE_COPIES) == 0);
        assertThat(acme.uploadDataset("after-the-rush", "id,spend\na,1\n")).isNotBlank();
    }

    private static String rows(int from, int to) {
        StringBuilder rows = new StringBuilder();
        for (int i = from; i <= to; i++) {
            rows.append('c').append(i).append(',').append(i * 0.25).append('\n');
        }
        return rows.toString();
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
