package org.customersegmentation.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReportTokensTest {

    final UUID job = UUID.randomUUID();
    final Tenant acme = new Tenant("acme");
    final Instant now = Instant.parse("2026-11-23T12:00:00Z");
    final ReportSettings settings = new ReportSettings("a-secret-of-at-least-thirty-two-bytes", Duration.ofDays(7));
    final ReportTokens tokens = new ReportTokens(settings, null, Clock.fixed(now, ZoneOffset.UTC));

    @Test
    void aTokenOpensItsOwnJobsReportAsItsTenantUntilItExpires() {
        String token = tokens.issue(acme, job);

        assertThat(tokens.verify(job, token)).contains(acme);
        assertThat(token.split("\\.")[1]).isEqualTo(Long.toString(now.plus(Duration.ofDays(7)).getEpochSecond()));
        ReportTokens aWeekLater = new ReportTokens(settings, null,
                Clock.fixed(now.plus(Duration.ofDays(7)), ZoneOffset.UTC));
        assertThat(aWeekLater.verify(job, token)).isEmpty();
    }

    @Test
    void aTokenForAnotherJobTenantExpiryOrKeyOpensNothing() {
        String token = tokens.issue(acme, job);
        String[] parts = token.split("\\.");

        assertThat(tokens.verify(UUID.randomUUID(), token)).isEmpty();
        assertThat(tokens.verify(job, "Z2xvYmV4." + parts[1] + "." + parts[2])).as("globex").isEmpty();
        assertThat(tokens.verify(job, parts[0] + "." + (Long.parseLong(parts[1]) + 86_400) + "." + parts[2])).isEmpty();
        assertThat(new ReportTokens(new ReportSettings("another-secret-of-thirty-two-bytes-or-more", Duration.ofDays(7)), null,
                Clock.fixed(now, ZoneOffset.UTC)).verify(job, token)).isEmpty();
        assertThat(tokens.verify(job, "garbage")).isEmpty();
        assertThat(tokens.verify(job, "!!.x.y")).isEmpty();
    }

    @Test
    void aShortSigningKeyIsRefused() {
        assertThatThrownBy(() -> new ReportTokens(new ReportSettings("short", Duration.ofDays(7)), null, Clock.systemUTC()))
                .hasMessageContaining("at least 32 bytes");
    }
}
