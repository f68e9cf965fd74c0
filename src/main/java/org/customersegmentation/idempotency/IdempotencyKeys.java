package org.customersegmentation.idempotency;

import jakarta.validation.constraints.AssertTrue;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.customersegmentation.common.ConflictException;
import org.customersegmentation.common.InvalidInputException;
import org.customersegmentation.security.Tenant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The stored keys: the first request with an {@code Idempotency-Key} claims it, then records its payload's hash
 * and the resource it created. Keys belong to a tenant and an operation and expire after
 * {@code segmentation.idempotency.ttl} (24 hours). {@link IdempotentRequests} is how controllers use them.
 *
 * <p>A claim is a lease of {@code segmentation.idempotency.lease} (10 s), which this instance renews every second
 * for as long as the request runs. A claim whose request died (a killed instance, a release that failed
 * with the database) is not renewed and lapses; a retry then takes the key over.
 */
@Service
@EnableConfigurationProperties(IdempotencyKeys.Settings.class)
class IdempotencyKeys {

    static final String HEADER = IdempotentRequests.HEADER;
    /** The hash of a claim whose payload is still being read. */
    private static final String PENDING = "";

    /**
     * @param ttl   how long a key is remembered
     * @param lease how long a claim holds without being renewed (it is renewed every second)
     */
    @Validated
    @ConfigurationProperties("segmentation.idempotency")
    record Settings(@DefaultValue("24h") Duration ttl, @DefaultValue("10s") Duration lease) {

        @AssertTrue(message = "segmentation.idempotency.lease must be at least 3 seconds, and ttl longer than it")
        boolean isConsistent() {
            return lease.compareTo(Duration.ofSeconds(3)) >= 0 && ttl.compareTo(lease) > 0;
        }
    }

    /** A claim this instance holds, renewed until its request completes or releases it. */
    private record Claim(String tenantId, String operation, String key) {
    }

    private final JdbcTemplate jdbc;
    private final Settings settings;
    private final Clock clock;
    private final String instance = UUID.randomUUID().toString();
    private final Set<Claim> held = ConcurrentHashMap.newKeySet();

    IdempotencyKeys(JdbcTemplate jdbc, Settings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** What an earlier request with the key created, and the hash of its payload. */
    record Earlier(String payloadHash, UUID resourceId) {
    }

    /**
     * Claims the key for this request, in a transaction of its own so that other requests see the claim at once.
     *
     * @param payloadHash the payload's hash, or null when it is known only once the payload has been read (it is
     *                    then given to {@link #complete})
     * @return what an earlier request with this key created, or empty when this request is the one to do the work
     *         (and must then call {@link #complete} or {@link #release})
     * @throws ConflictException while an earlier request with the key is still being processed
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Optional<Earlier> claim(Tenant tenant, String operation, String key, String payloadHash) {
        requireWellFormed(key);
        Instant now = Instant.now(clock);
        jdbc.update("DELETE FROM idempotency_key WHERE tenant_id = ? AND operation = ? AND key = ? AND (expires_at <= ? "
                        + "OR (resource_id IS NULL AND lease_expires_at <= ?))", tenant.id(), operation, key,
                Timestamp.from(now), Timestamp.from(now));
        int inserted = jdbc.update("INSERT INTO idempotency_key (tenant_id, operation, key, payload_hash, created_at, "
                        + "expires_at, claimed_by, lease_expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                tenant.id(), operation, key, payloadHash == null ? PENDING : payloadHash, Timestamp.from(now),
                Timestamp.from(now.plus(settings.ttl())), instance, Timestamp.from(now.plus(settings.lease())));
        if (inserted == 1) {
            held.add(new Claim(tenant.id(), operation, key));
            return Optional.empty();
        }
        List<Map<String, Object>> existing = jdbc.queryForList("SELECT payload_hash, resource_id, lease_expires_at "
                + "FROM idempotency_key WHERE tenant_id = ? AND operation = ? AND key = ?", tenant.id(), operation, key);
        if (existing.isEmpty()) {
            return claim(tenant, operation, key, payloadHash); // released meanwhile: try again
        }
        Object resource = existing.getFirst().get("resource_id");
        if (resource == null) {
            Instant leaseEnds = ((Timestamp) existing.getFirst().get("lease_expires_at")).toInstant();
            throw new ConflictException("Request in progress", "A request with this Idempotency-Key is still being "
                    + "processed; retry once it has finished.", Map.of("parameter", HEADER),
                    Duration.between(now, leaseEnds));
        }
        return Optional.of(new Earlier((String) existing.getFirst().get("payload_hash"), (UUID) resource));
    }

    /** Records what the claimed request created, and its payload's hash, for retries to find. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void complete(Tenant tenant, String operation, String key, UUID resourceId, String payloadHash) {
        held.remove(new Claim(tenant.id(), operation, key));
        jdbc.update("UPDATE idempotency_key SET resource_id = ?, payload_hash = ?, lease_expires_at = NULL "
                + "WHERE tenant_id = ? AND operation = ? AND key = ?", resourceId, payloadHash, tenant.id(), operation, key);
    }

    /**
     * Gives the key up after the claimed request failed, so that a retry can do the work, on a connection of its
     * own (the request's may be the one that broke). Should the database not take even that, the claim is no longer
     * renewed and lapses within a lease.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void release(Tenant tenant, String operation, String key) {
        held.remove(new Claim(tenant.id(), operation, key));
        jdbc.update("DELETE FROM idempotency_key WHERE tenant_id = ? AND operation = ? AND key = ? AND resource_id IS NULL",
                tenant.id(), operation, key);
    }

    /** Keeps this instance's claims from lapsing while their requests run. */
    @Scheduled(fixedDelay = 1, timeUnit = TimeUnit.SECONDS)
    void renewLeases() {
        List<Claim> claims = List.copyOf(held);
        if (claims.isEmpty()) {
            return;
        }
        Timestamp until = Timestamp.from(Instant.now(clock).plus(settings.lease()));
        jdbc.batchUpdate("UPDATE idempotency_key SET lease_expires_at = ? WHERE tenant_id = ? AND operation = ? "
                + "AND key = ? AND claimed_by = ? AND resource_id IS NULL", claims.stream()
                .map(claim -> new Object[] {until, claim.tenantId(), claim.operation(), claim.key(), instance})
                .toList());
    }

    @Scheduled(fixedDelay = 1, timeUnit = TimeUnit.HOURS)
    void forgetExpired() {
        jdbc.update("DELETE FROM idempotency_key WHERE expires_at <= ?", Timestamp.from(Instant.now(clock)));
    }

    private static void requireWellFormed(String key) {
        if (key.isBlank() || key.length() > IdempotentRequests.MAX_KEY_LENGTH) {
            throw new InvalidInputException("Invalid Idempotency-Key", "An Idempotency-Key must be 1 to "
                    + IdempotentRequests.MAX_KEY_LENGTH + " characters, such as a UUID.", Map.of("parameter", HEADER));
        }
    }
}
