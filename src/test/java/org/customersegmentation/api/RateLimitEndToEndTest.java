package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A tenant's requests are limited to its rate (umbrella: 2 a second, in bursts of 3), and every answer says where
 * it stands in the IETF RateLimit fields; another tenant is not affected.
 */
@EndToEndTest
class RateLimitEndToEndTest {

    @LocalServerPort
    int port;

    @Test
    void aTenantOverItsRateGets429WithRetryAfterAndTheRateLimitFieldsSayWhy() {
        ApiClient umbrella = new ApiClient(port, Tenants.UMBRELLA_KEY);
        List<ApiClient.Response> answers = new ArrayList<>();
        ApiClient.Response answer;
        do {
            answer = umbrella.get("/api/v1/datasets");
            answers.add(answer);
        } while (answer.status() == 200 && answers.size() < 10);

        // a burst of 3, plus at most the 1 or 2 tokens refilled while they were sent
        assertThat(answers.size() - 1).isBetween(3, 5);
        ApiClient.Response first = answers.getFirst();
        assertThat(first.headers().firstValue("RateLimit-Policy")).hasValue("\"tenant\";q=3;w=2");
        assertThat(first.headers().firstValue("RateLimit")).hasValue("\"tenant\";r=2");
        JsonNode refused = answer.problem(429);
        assertThat(refused.get("title").asString()).isEqualTo("Too many requests");
        assertThat(refused.get("detail").asString()).isEqualTo("You sent more than the 2 requests a second (in bursts "
                + "of up to 3) allowed to you; wait 1 s before sending more.");
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(answer.headers().firstValue("RateLimit")).hasValue("\"tenant\";r=0;t=1");
        assertThat(answer.headers().firstValue("RateLimit-Policy")).hasValue("\"tenant\";q=3;w=2");

        ApiClient acme = new ApiClient(port, Tenants.ACME_KEY);
        assertThat(acme.get("/api/v1/datasets").status()).as("another tenant").isEqualTo(200);

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250))
                .until(() -> umbrella.get("/api/v1/datasets").status() == 200);
    }

    @Test
    void unauthenticatedCallsAndHealthChecksCarryNoRateLimit() {
        ApiClient.Response anonymous = new ApiClient(port, null).get("/api/v1/datasets");
        anonymous.problem(401);
        assertThat(anonymous.headers().firstValue("RateLimit")).isEmpty();
        assertThat(new ApiClient(port, null).get("/actuator/health").headers().firstValue("RateLimit")).isEmpty();
    }
}
