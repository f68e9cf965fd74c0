package org.customersegmentation.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring links to one segmentation's report, for people who open it in a browser and cannot send an
 * API key. A token is {@code <tenant, base64url>.<expiry, epoch seconds>.<HMAC-SHA256, base64url>} over the job ID,
 * the tenant and the expiry; it grants reading that job's report and charts, nothing else.
 */
@Component
@EnableConfigurationProperties(ReportSettings.class)
public class ReportTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final ReportSettings settings;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile byte[] key;

    ReportTokens(ReportSettings settings, JdbcTemplate jdbc, Clock clock) {
        if (!settings.signingKey().isEmpty() && settings.signingKey().getBytes(StandardCharsets.UTF_8).length < 32) {
            // a token carries everything it signs, so a short key could be guessed offline
            throw new IllegalStateException("segmentation.reports.signing-key must be at least 32 bytes; "
                    + "leave it unset to use a random key kept in the database.");
        }
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public String issue(Tenant tenant, UUID jobId) {
        long expires = Instant.now(clock).plus(settings.tokenLifetime()).getEpochSecond();
        String tenantPart = ENCODER.encodeToString(tenant.id().getBytes(StandardCharsets.UTF_8));
        return tenantPart + "." + expires + "." + signature(jobId, tenant.id(), expires);
    }

    /** The tenant the token was issued to, if it is genuine, for this job, and not expired. */
    public Optional<Tenant> verify(UUID jobId, String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            String tenant = new String(DECODER.decode(parts[0]), StandardCharsets.UTF_8);
            long expires = Long.parseLong(parts[1]);
            boolean genuine = MessageDigest.isEqual(signature(jobId, tenant, expires).getBytes(StandardCharsets.US_ASCII),
                    parts[2].getBytes(StandardCharsets.US_ASCII));
            return genuine && Instant.now(clock).getEpochSecond() < expires ? Optional.of(new Tenant(tenant))
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String signature(UUID jobId, String tenant, long expires) {
        return ENCODER.encodeToString(Hmac.sha256(key(), jobId + "\n" + tenant + "\n" + expires));
    }

    private byte[] key() {
        if (key == null) {
            if (!settings.signingKey().isBlank()) {
                key = settings.signingKey().getBytes(StandardCharsets.UTF_8);
            } else {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                jdbc.update("INSERT INTO report_signing_key (id, key) VALUES (1, ?) ON CONFLICT (id) DO NOTHING", fresh);
                key = jdbc.queryForObject("SELECT key FROM report_signing_key WHERE id = 1", byte[].class);
            }
        }
        return key;
    }
}
