package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@EndToEndTest
class SecurityEndToEndTest {

    @LocalServerPort
    int port;

    ApiClient acme;
    ApiClient globex;

    @BeforeEach
    void setUp() {
        acme = new ApiClient(port, Tenants.ACME_KEY);
        globex = new ApiClient(port, Tenants.GLOBEX_KEY);
    }

    @Test
    void aCallWithoutAKeyIsUnauthorizedWithAProblem() {
        var response = new ApiClient(port, null).get("/api/v1/datasets");

        assertThat(response.problem(401).get("detail").asString()).isEqualTo("Send your API key in the X-API-Key header, or an OAuth2 bearer token.");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void aWrongKeyIsUnauthorized() {
        var response = new ApiClient(port, "not-a-key").postCsv("/api/v1/datasets", "a,b\n1,2\n");

        assertThat(response.problem(401).get("detail").asString()).contains("matches no active API key");
    }

    @Test
    void documentationAndHealthAreOpenAndNothingElseIs() {
        ApiClient anonymous = new ApiClient(port, null);

        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(anonymous.get("/v3/api-docs.yaml").status()).isEqualTo(200);
        assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(200);
        anonymous.get("/actuator/info").problem(401);
        anonymous.get("/actuator/env").problem(401);
        anonymous.get("/anything-else").problem(401);
    }

    @Test
    void aUrlTheFirewallRejectsStillGetsAProblem() {
        var response = acme.get("/api/v1/datasets;jsessionid=x");

        assertThat(response.problem(400).get("detail").asString()).contains("check the URL");
    }

    @Test
    void anotherTenantsDatasetAndJobAnswerExactlyLikeUnknownOnes() {
        String datasetId = acme.uploadDataset("private", "id,spend\na,1\nb,2\nc,30\nd,40\n");
        String jobId = acme.startJob("""
                {"datasetId": "%s", "k": 2, "seed": 3}""".formatted(datasetId));
        acme.awaitFinished(jobId);
        String unknown = "00000000-0000-0000-0000-000000000000";

        for (String path : new String[] {"/api/v1/datasets/%s", "/api/v1/segmentations/%s",
                "/api/v1/segmentations/%s/result", "/api/v1/segmentations/%s/assignments"}) {
            String id = path.startsWith("/api/v1/datasets") ? datasetId : jobId;
            var foreign = globex.get(path.formatted(id));
            var missing = globex.get(path.formatted(unknown));
            assertThat(foreign.problem(404).get("detail").asString())
                    .isEqualTo(missing.problem(404).get("detail").asString().replace(unknown, id));
            assertThat(acme.get(path.formatted(id)).status()).isEqualTo(200);
        }
        globex.postJson("/api/v1/segmentations", """
                {"datasetId": "%s", "k": 2}""".formatted(datasetId)).problem(404);
        assertThat(globex.get("/api/v1/datasets").body()).doesNotContain(datasetId);
    }
}
