package org.customersegmentation.security.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A bearer token the service could not check is its own fault, and retryable; a refused one is the caller's. */
class ProblemAuthenticationEntryPointTest {

    final JsonMapper json = JsonMapper.builder().build();
    final ProblemAuthenticationEntryPoint tenants = ProblemAuthenticationEntryPoint.forTenants(json, true);

    @Test
    void anIdentityProviderOutOfReachIsA503WithRetryAfter() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        tenants.onAuthenticationFailure(new MockHttpServletRequest("GET", "/api/v1/datasets"), response,
                new AuthenticationServiceException("An error occurred while attempting to decode the Jwt: Couldn't "
                        + "retrieve remote JWK set: Read timed out"));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.get("title").asString()).isEqualTo("Identity provider unavailable");
        assertThat(problem.get("detail").asString()).doesNotContain("JWK").doesNotContain("Exception");
    }

    @Test
    void aRefusedTokenIsA401ThatSaysWhy() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        tenants.onAuthenticationFailure(new MockHttpServletRequest("GET", "/api/v1/datasets"), response,
                new InvalidBearerTokenException("Jwt expired at 2026-12-07T00:00:00Z"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(json.readTree(response.getContentAsString()).get("detail").asString())
                .startsWith("The bearer token was refused: Jwt expired at 2026-12-07T00:00:00Z.");
    }

    @Test
    void theOperatorsDoorAsksForTheOperatorKeyWhateverThePath() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        ProblemAuthenticationEntryPoint.forOperator(json).commence(new MockHttpServletRequest("GET", "/admin"), response,
                new InvalidBearerTokenException("not used"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("ApiKey header=\"X-Operator-Key\"");
    }
}
