package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.CustomerGroups;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Every state-changing call leaves an audit event, which outlives what it describes and cannot be changed. */
@EndToEndTest
class AuditEndToEndTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void uploadStartCancelRenameAndDeletesAreRecordedAndOutliveTheDataset() {
        Instant start = Instant.now();
        String tenant = "audited";
        ApiClient operator = ApiClient.operator(port, Tenants.OPERATOR_KEY);
        JsonNode issued = operator.postJson("/admin/v1/tenants/" + tenant + "/keys", """
                {"name": "audit test", "scopes": ["segmentation:read", "segmentation:write", "segmentation:delete"]}""")
                .json();
        String keyId = issued.get("id").asString();
        ApiClient client = new ApiClient(port, issued.get("key").asString());

        String csv = CustomerGroups.generate(8, new int[] {30, 20}, 0).csv();
        String datasetId = client.uploadDataset("audited", csv);
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        client.post("/api/v1/datasets", "text/csv", "id,spend\na,1\na,2\n".getBytes(),
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").problem(400);
        // far more work than the cancel takes to arrive, so that it is a cancel and not a 409 of a finished job
        String cancelled = client.startJob("{\"datasetId\": \"" + datasetId
                + "\", \"kRange\": {\"min\": 2, \"max\": 29}, \"restarts\": 100, \"seed\": 1}");
        client.postJson("/api/v1/segmentations/" + cancelled + "/cancel", "");
        String job = client.startJob("{\"datasetId\": \"" + datasetId + "\", \"k\": 2, \"seed\": 2}");
        client.awaitFinished(job);
        assertThat(client.patch("/api/v1/segmentations/" + job + "/segments/0", "application/merge-patch+json",
                "{\"name\": \"Big spenders\"}").status()).isEqualTo(200);
        client.post("/api/v1/segmentations/" + job + "/predict", "application/json", "[]".getBytes());
        assertThat(client.delete("/api/v1/datasets/" + datasetId).status()).isEqualTo(204);
        assertThat(operator.delete("/admin/v1/tenants/" + tenant + "/keys/" + keyId).status()).isEqualTo(204);

        JsonNode events = operator.get("/admin/v1/audit-events?tenant=" + tenant + "&from=" + start).json().get("content");
        List<String> recorded = events.valueStream().map(event -> event.get("action").asString() + " "
                + event.get("resourceType").asString() + " " + event.get("outcome").asInt()).toList().reversed();
        assertThat(recorded).containsExactly(
                "issueKey api-key 201",
                "uploadDataset dataset 201",
                "uploadDataset dataset 400",
                "startSegmentation segmentation 202",
                "cancelSegmentation segmentation 202",
                "startSegmentation segmentation 202",
                "editSegment segment 200",
                "deleteDataset dataset 204",
                "revokeKey api-key 204");
        JsonNode upload = events.get(7);
        assertThat(upload.get("resourceId").asString()).isEqualTo(datasetId);
        assertThat(upload.get("actor").asString()).isEqualTo("key:" + keyId);
        assertThat(events.get(0).get("actor").asString()).isEqualTo("operator");
        assertThat(events.get(0).get("resourceId").asString()).isEqualTo(keyId);
        assertThat(events.get(1).get("resourceId").asString()).as("the deleted dataset's event stays").isEqualTo(datasetId);
        assertThat(events.get(2).get("resourceId").asString()).isEqualTo(job + "/0");
        assertThat(events.get(6).get("requestId").asString()).as("the trace of the traceparent sent").isEqualTo(traceId);
        assertThat(events.valueStream().map(event -> event.get("requestId").asString())).allMatch(id -> id.matches("[0-9a-f]{32}"));
        assertThat(events.toString()).as("no customer data").doesNotContain("CUST-").doesNotContain("Big spenders");

        assertThat(operator.get("/admin/v1/audit-events?tenant=" + tenant + "&to=" + start).json().get("content"))
                .isEmpty();
        assertThat(operator.get("/admin/v1/audit-events?tenant=" + tenant + "&size=2").json().get("page")
                .get("totalElements").asInt()).isEqualTo(9);
        new ApiClient(port, Tenants.ACME_KEY).get("/admin/v1/audit-events").problem(401);
    }

    @Test
    void theLogIsAppendOnly() {
        jdbc.update("INSERT INTO audit_event (occurred_at, actor, action, outcome) VALUES (now(), 'test', 'test', 200)");

        assertThatThrownBy(() -> jdbc.update("UPDATE audit_event SET actor = 'someone else'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_event")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("TRUNCATE audit_event")).hasMessageContaining("append-only");
    }
}
