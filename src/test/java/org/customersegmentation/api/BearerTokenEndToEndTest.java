package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.CustomerGroups;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Tenants;
import org.customersegmentation.support.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * OAuth2 bearer tokens (JWT) beside API keys: the tenant from the token's claim, the scopes from scope or scp; an
 * expired, forged, wrong-audience or tenant-less token is a 401 problem. The tokens come from the tests' own
 * identity provider, whose JWK set the service reads over HTTP.
 */
@EndToEndTest
class BearerTokenEndToEndTest {

    @LocalServerPort
    int port;

    @Test
    void aTokenActsForTheTenantInItsClaimWithItsScopes() {
        String datasetId = new ApiClient(port, Tenants.ACME_KEY).uploadDataset("acme, for tokens", "id,spend\na,1\nb,2\n");

        ApiClient reader = ApiClient.bearer(port, TestIdentityProvider.token(Map.of("tenant", Tenants.ACME,
                "scope", "segmentation:read openid")));
        assertThat(reader.get("/api/v1/datasets/" + datasetId).json().get("name").asString()).isEqualTo("acme, for tokens");
        assertThat(reader.delete("/api/v1/datasets/" + datasetId).problem(403).get("scope").asString())
                .isEqualTo("segmentation:delete");

        ApiClient writer = ApiClient.bearer(port, TestIdentityProvider.token(Map.of("tenant", Tenants.ACME,
                "scp", List.of("segmentation:read", "segmentation:write"))));
        assertThat(writer.uploadDataset("by token", "id,spend\na,1\nb,2\n")).isNotBlank();

        ApiClient globex = ApiClient.bearer(port, TestIdentityProvider.token(Map.of("tenant", Tenants.GLOBEX,
                "scope", "segmentation:read")));
        globex.get("/api/v1/datasets/" + datasetId).problem(404);
    }

    @Test
    void expiredForgedWrongAudienceAndTenantlessTokensAre401Problems() {
        Map<String, Object> fine = Map.of("tenant", Tenants.ACME, "scope", "segmentation:read");
        assertRefused(TestIdentityProvider.expiredToken(fine), "Jwt expired at ");
        assertRefused(TestIdentityProvider.forgedToken(fine), "Signed JWT rejected: Invalid signature");
        assertRefused(TestIdentityProvider.token(Map.of("tenant", Tenants.ACME, "scope", "segmentation:read",
                "aud", "another-service")), "The aud claim is not valid");
        assertRefused(TestIdentityProvider.token(Map.of("scope", "segmentation:read")),
                "The token names no tenant in its 'tenant' claim");
        assertRefused("not-a-jwt", "Malformed token");
        assertRefused(TestIdentityProvider.token(Map.of("tenant", List.of("acme", "globex"), "scope", "segmentation:read")),
                "The token's 'tenant' claim is not one tenant name");
        assertRefused(TestIdentityProvider.token(Map.of("tenant", "acme/../globex", "scope", "segmentation:read")),
                "The token's 'tenant' claim is not one tenant name");
    }

    @Test
    void aTenantWithTokensOnlyGetsReportLinksThatWork() {
        ApiClient northwind = ApiClient.bearer(port, TestIdentityProvider.token(Map.of("tenant", "northwind-tokens-only",
                "scope", "segmentation:read segmentation:write")));
        String datasetId = northwind.uploadDataset("tokens only", CustomerGroups.generate(3, new int[] {20, 10}, 0).csv());
        String jobId = northwind.startJob("{\"datasetId\": \"" + datasetId + "\", \"k\": 2}");
        northwind.awaitFinished(jobId);
        URI reportUrl = URI.create(northwind.get("/api/v1/segmentations/" + jobId + "/result").json()
                .get("reportUrl").asString());

        ApiClient.Response report = new ApiClient(port, null).get(reportUrl.getPath() + "?" + reportUrl.getRawQuery());

        assertThat(report.status()).isEqualTo(200);
    }

    @Test
    void aTokenDoesNotOpenTheOperatorApi() {
        ApiClient.bearer(port, TestIdentityProvider.token(Map.of("tenant", Tenants.ACME, "scope", "segmentation:read")))
                .get("/admin/v1/tenants").problem(401);
    }

    private void assertRefused(String token, String reason) {
        ApiClient.Response refused = ApiClient.bearer(port, token).get("/api/v1/datasets");
        JsonNode problem = refused.problem(401);
        assertThat(problem.get("detail").asString()).startsWith("The bearer token was refused: " + reason);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
    }
}
