package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.CustomerGroups;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A tenant's datasets older than its retention go, with everything derived from them, and each deletion is
 * audited; younger ones, and other tenants', stay. The retention task runs every second here, every hour by default.
 */
@EndToEndTest
class RetentionEndToEndTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDatasetPastItsTenantsRetentionIsDeletedWithItsJobsResultsAndRowsAndTheDeletionAudited() {
        ApiClient operator = ApiClient.operator(port, Tenants.OPERATOR_KEY);
        ApiClient retained = new ApiClient(port, operator.postJson("/admin/v1/tenants/retained/keys", """
                {"name": "retention test", "scopes": ["segmentation:read", "segmentation:write"]}""").json()
                .get("key").asString());
        String csv = CustomerGroups.generate(5, new int[] {30, 20}, 0).csv();
        String old = retained.uploadDataset("last quarter", csv);
        String job = retained.startJob("{\"datasetId\": \"" + old + "\", \"k\": 2, \"seed\": 1}");
        assertThat(retained.awaitFinished(job).get("status").asString()).isEqualTo("SUCCEEDED");
        String recent = retained.uploadDataset("this month", csv);
        String acmes = new ApiClient(port, Tenants.ACME_KEY).uploadDataset("acme's, as old", csv);
        jdbc.update("UPDATE dataset SET created_at = now() - interval '40 days' WHERE id IN (?::uuid, ?::uuid)", old, acmes);

        JsonNode retention = operator.put("/admin/v1/tenants/retained/retention", "application/json",
                "{\"datasets\": \"P30D\"}").json();
        assertThat(retention.get("tenantSetting").asBoolean()).isTrue();
        assertThat(Duration.parse(retention.get("datasets").asString())).isEqualTo(Duration.ofDays(30));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> retained.get("/api/v1/datasets/" + old).status() == 404);
        retained.get("/api/v1/segmentations/" + job).problem(404);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM segmentation_result WHERE job_id = ?", Long.class,
                UUID.fromString(job))).isZero();
        assertThat(jdbc.queryForObject("SELECT to_regclass(?)::text", String.class, "dataset_rows_" + old.replace("-", "")))
                .as("the row table").isNull();
        assertThat(retained.get("/api/v1/datasets/" + recent).status()).isEqualTo(200);
        assertThat(new ApiClient(port, Tenants.ACME_KEY).get("/api/v1/datasets/" + acmes).status())
                .as("acme follows the default, which keeps datasets for ever").isEqualTo(200);

        JsonNode events = operator.get("/admin/v1/audit-events?tenant=retained").json().get("content");
        JsonNode expired = events.valueStream().filter(event -> event.get("action").asString().equals("expireDataset"))
                .findFirst().orElseThrow();
        assertThat(expired.get("actor").asString()).isEqualTo("retention");
        assertThat(expired.get("resourceId").asString()).isEqualTo(old);
        assertThat(events.valueStream().map(event -> event.get("action").asString())).contains("setRetention");

        operator.put("/admin/v1/tenants/retained/retention", "application/json", "{\"datasets\": \"PT1H\"}").problem(400);
        assertThat(operator.put("/admin/v1/tenants/retained/retention", "application/json", "{\"datasets\": null}")
                .json().get("tenantSetting").asBoolean()).isFalse();
    }
}
