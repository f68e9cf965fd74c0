package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * API keys as an operator issues, rotates and revokes them, with their scopes; and the operator's credential and
 * the tenants' keys each opening only their own door.
 */
@EndToEndTest
class OperatorApiEndToEndTest {

    @LocalServerPort
    int port;

    ApiClient operator() {
        return ApiClient.operator(port, Tenants.OPERATOR_KEY);
    }

    JsonNode issue(String tenant, String request) {
        ApiClient.Response issued = operator().postJson("/admin/v1/tenants/" + tenant + "/keys", request);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.headers().firstValue("Location")).hasValue("/admin/v1/tenants/" + tenant + "/keys/"
                + issued.json().get("id").asString());
        return issued.json();
    }

    @Test
    void aKeyIsIssuedShownOnceUsedRotatedAndRevoked() {
        JsonNode first = issue("hooli", """
                {"name": "crm sync", "scopes": ["segmentation:read", "segmentation:write", "segmentation:delete"]}""");
        String firstKey = first.get("key").asString();
        assertThat(firstKey).startsWith("cs_live_").hasSizeGreaterThan(40);
        assertThat(first.get("prefix").asString()).isEqualTo(firstKey.substring(0, 12));

        ApiClient hooli = new ApiClient(port, firstKey);
        String datasetId = hooli.uploadDataset("hooli's", "id,spend\na,1\nb,2\n");
        assertThat(hooli.get("/api/v1/datasets/" + datasetId).status()).isEqualTo(200);

        // rotation: a second key, both working, then the first revoked
        String secondKey = issue("hooli", "{\"name\": \"crm sync, rotated\", \"scopes\": [\"segmentation:read\"]}")
                .get("key").asString();
        ApiClient rotated = new ApiClient(port, secondKey);
        assertThat(rotated.get("/api/v1/datasets/" + datasetId).status()).isEqualTo(200);
        assertThat(hooli.get("/api/v1/datasets/" + datasetId).status()).isEqualTo(200);

        assertThat(operator().delete("/admin/v1/tenants/hooli/keys/" + first.get("id").asString()).status())
                .isEqualTo(204);
        hooli.get("/api/v1/datasets/" + datasetId).problem(401);
        assertThat(rotated.get("/api/v1/datasets/" + datasetId).status()).isEqualTo(200);
        operator().delete("/admin/v1/tenants/hooli/keys/" + first.get("id").asString()).problem(404);

        JsonNode listed = operator().get("/admin/v1/tenants/hooli/keys").json();
        assertThat(listed.toString()).doesNotContain(firstKey).doesNotContain(secondKey);
        assertThat(listed.get(0).get("revokedAt").isNull()).isFalse();
        assertThat(listed.get(1).get("revokedAt").isNull()).isTrue();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).until(() ->
                !operator().get("/admin/v1/tenants/hooli/keys").json().get(1).get("lastUsedAt").isNull());
        assertThat(operator().get("/admin/v1/tenants").json().findValuesAsString("tenant")).contains("hooli", "acme");
    }

    @Test
    void aKeyWithoutTheScopeACallNeedsGets403NamingItAndAnotherTenantsDataIsStill404() {
        String readOnly = issue("initrode", "{\"name\": \"dashboard\", \"scopes\": [\"segmentation:read\"]}")
                .get("key").asString();
        ApiClient dashboard = new ApiClient(port, readOnly);
        assertThat(dashboard.get("/api/v1/datasets").status()).isEqualTo(200);

        JsonNode write = dashboard.postCsv("/api/v1/datasets", "id,spend\na,1\n").problem(403);
        assertThat(write.get("scope").asString()).isEqualTo("segmentation:write");
        assertThat(write.get("detail").asString()).contains("lacks the scope segmentation:write");
        String acmeDataset = new ApiClient(port, Tenants.ACME_KEY).uploadDataset("acme's", "id,spend\na,1\nb,2\n");
        assertThat(dashboard.delete("/api/v1/datasets/" + acmeDataset).problem(403).get("scope").asString())
                .isEqualTo("segmentation:delete");

        String everything = issue("initrode", """
                {"name": "all", "scopes": ["segmentation:read", "segmentation:write", "segmentation:delete"]}""")
                .get("key").asString();
        ApiClient initrode = new ApiClient(port, everything);
        initrode.get("/api/v1/datasets/" + acmeDataset).problem(404);
        initrode.delete("/api/v1/datasets/" + acmeDataset).problem(404);
    }

    @Test
    void anExpiredKeyStopsWorking() {
        String soon = issue("hooli-trial", "{\"name\": \"trial\", \"scopes\": [\"segmentation:read\"], \"expiresAt\": \""
                + Instant.now().plusSeconds(2) + "\"}").get("key").asString();
        ApiClient trial = new ApiClient(port, soon);
        assertThat(trial.get("/api/v1/datasets").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> trial.get("/api/v1/datasets").status() == 401);
    }

    @Test
    void eachCredentialOpensOnlyItsOwnDoor() {
        ApiClient acme = new ApiClient(port, Tenants.ACME_KEY);
        acme.get("/admin/v1/tenants").problem(401);
        acme.get("/actuator/prometheus").problem(401);
        operator().get("/api/v1/datasets").problem(401);
        assertThat(operator().get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(ApiClient.operator(port, "not-the-operator-key-0123456789-0123456789").get("/admin/v1/tenants")
                .problem(401).get("detail").asString()).contains("X-Operator-Key");
    }

    @Test
    void badKeyRequestsSayWhatToFix() {
        assertThat(operator().postJson("/admin/v1/tenants/hooli-bad/keys", "{\"name\": \"x\", \"scopes\": [\"admin\"]}")
                .problem(400).get("detail").asString()).contains("'admin' is not one of");
        operator().postJson("/admin/v1/tenants/hooli-bad/keys", "{\"name\": \"x\", \"scopes\": []}").problem(400);
        operator().postJson("/admin/v1/tenants/hooli-bad/keys", "{\"name\": \"\", \"scopes\": [\"segmentation:read\"]}")
                .problem(400);
        assertThat(operator().postJson("/admin/v1/tenants/hooli-bad/keys", "{\"name\": \"x\", \"scopes\": "
                + "[\"segmentation:read\"], \"expiresAt\": \"2020-01-01T00:00:00Z\"}").problem(400).get("detail").asString())
                .contains("future");
        operator().postJson("/admin/v1/tenants/not%20a%20tenant/keys", "{\"name\": \"x\", \"scopes\": "
                + "[\"segmentation:read\"]}").problem(400);
    }
}
