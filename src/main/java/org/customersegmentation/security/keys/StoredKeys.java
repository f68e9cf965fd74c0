package org.customersegmentation.security.keys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.customersegmentation.security.Scope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * API keys issued through the operator API and kept in PostgreSQL. A key is shown once, when issued; only its
 * SHA-256 is stored (a key has 256 random bits, so a fast hash is enough), with its first characters to tell it
 * apart. Keys are looked up by hash through a cache of {@code segmentation.keys.cache-ttl} (5 s): a key revoked
 * on one instance stops working there at once and on every other within that time.
 */
@Component
public class StoredKeys {

    /** What every key starts with, so that secret scanners can find leaked ones. */
    public static final String PREFIX = "cs_live_";
    private static final int SHOWN_CHARACTERS = PREFIX.length() + 4;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    /** Every key: the prefix and 32 random bytes in unpadded base64url. */
    private static final Pattern SHAPE = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{43}");

    /** A key as the database has it: never its secret. */
    public record StoredKey(UUID id, String tenant, String name, String prefix, Set<Scope> scopes, Instant createdAt,
                            Instant lastUsedAt, Instant expiresAt, Instant revokedAt) {

        boolean activeAt(Instant now) {
            return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
        }
    }

    /** A key just issued, with the secret that is never shown again. */
    public record IssuedKey(StoredKey key, String secret) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Optional<StoredKey>> byHash;
    // secrets that matched no key, apart, so that a caller trying many cannot push real keys out of the cache
    private final Cache<String, Boolean> misses;
    private final Map<UUID, Instant> used = new ConcurrentHashMap<>();

    StoredKeys(JdbcTemplate jdbc, Clock clock, @Value("${segmentation.keys.cache-ttl:5s}") Duration cacheTtl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.byHash = Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(10_000).build();
        this.misses = Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(10_000).build();
    }

    /** The active key this secret is, if any; counts as a use of it. */
    public Optional<StoredKey> find(String presented) {
        if (!SHAPE.matcher(presented).matches()) {
            return Optional.empty(); // no key looks like that: not worth a query
        }
        String hash = HexFormat.of().formatHex(digest(presented));
        if (misses.getIfPresent(hash) != null) {
            return Optional.empty();
        }
        Optional<StoredKey> stored = byHash.getIfPresent(hash);
        if (stored == null) {
            stored = load(hash);
            if (stored.isEmpty()) {
                misses.put(hash, Boolean.TRUE);
                return stored;
            }
            byHash.put(hash, stored);
        }
        Instant now = Instant.now(clock);
        Optional<StoredKey> key = stored.filter(k -> k.activeAt(now));
        key.ifPresent(k -> used.put(k.id(), now));
        return key;
    }

    public IssuedKey issue(String tenant, String name, Set<Scope> scopes, Instant expiresAt) {
        byte[] secretBytes = new byte[32];
        random.nextBytes(secretBytes);
        String secret = PREFIX + ENCODER.encodeToString(secretBytes);
        StoredKey key = new StoredKey(UUID.randomUUID(), tenant, name, secret.substring(0, SHOWN_CHARACTERS),
                Set.copyOf(scopes), Instant.now(clock), null, expiresAt, null);
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("INSERT INTO api_key (id, tenant_id, name, key_hash, prefix, scopes, "
                    + "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            insert.setObject(1, key.id());
            insert.setString(2, tenant);
            insert.setString(3, name);
            insert.setBytes(4, digest(secret));
            insert.setString(5, key.prefix());
            insert.setArray(6, connection.createArrayOf("text", scopes.stream().map(Scope::value).sorted().toArray()));
            insert.setTimestamp(7, Timestamp.from(key.createdAt()));
            insert.setTimestamp(8, expiresAt == null ? null : Timestamp.from(expiresAt));
            return insert;
        });
        return new IssuedKey(key, secret);
    }

    public List<StoredKey> list(String tenant) {
        return jdbc.query("SELECT * FROM api_key WHERE tenant_id = ? ORDER BY created_at, id", StoredKeys::row, tenant);
    }

    /** Revokes the key; false when the tenant has no such key, or it was revoked already. */
    public boolean revoke(String tenant, UUID id) {
        int revoked = jdbc.update("UPDATE api_key SET revoked_at = ? WHERE id = ? AND tenant_id = ? AND revoked_at IS NULL",
                Timestamp.from(Instant.now(clock)), id, tenant);
        byHash.invalidateAll(); // this instance at once; the others within the cache's time
        return revoked == 1;
    }

    /** Whether the tenant has a key that works now. */
    public boolean hasActiveKey(String tenant) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM api_key WHERE tenant_id = ? AND "
                + "revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now()))", Boolean.class, tenant));
    }

    public Optional<StoredKey> get(String tenant, UUID id) {
        return jdbc.query("SELECT * FROM api_key WHERE id = ? AND tenant_id = ?", StoredKeys::row, id, tenant).stream()
                .findFirst();
    }

    /** Tenants with keys stored, and how many of those are active. */
    public Map<String, Long> activeKeysByTenant() {
        return jdbc.query("SELECT tenant_id, count(*) FILTER (WHERE revoked_at IS NULL AND (expires_at IS NULL OR "
                + "expires_at > now())) AS active FROM api_key GROUP BY tenant_id", rows -> {
                    Map<String, Long> tenants = new TreeMap<>();
                    while (rows.next()) {
                        tenants.put(rows.getString("tenant_id"), rows.getLong("active"));
                    }
                    return tenants;
                });
    }

    /**
     * Writes when keys were last used, every {@code segmentation.keys.last-used-interval} (a minute) at most, so that
     * a busy key costs no write per request.
     */
    @Scheduled(fixedDelayString = "${segmentation.keys.last-used-interval:1m}")
    void recordUses() {
        List<Map.Entry<UUID, Instant>> uses = List.copyOf(used.entrySet());
        if (uses.isEmpty()) {
            return;
        }
        uses.forEach(use -> used.remove(use.getKey(), use.getValue()));
        jdbc.batchUpdate("UPDATE api_key SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)",
                uses.stream().map(use -> new Object[] {Timestamp.from(use.getValue()), use.getKey(),
                        Timestamp.from(use.getValue())}).toList());
    }

    private Optional<StoredKey> load(String hashHex) {
        return jdbc.query("SELECT * FROM api_key WHERE key_hash = ?", StoredKeys::row, HexFormat.of().parseHex(hashHex))
                .stream().findFirst();
    }

    private static StoredKey row(ResultSet row, int number) throws SQLException {
        Array scopes = row.getArray("scopes");
        return new StoredKey(row.getObject("id", UUID.class), row.getString("tenant_id"), row.getString("name"),
                row.getString("prefix"), Arrays.stream((String[]) scopes.getArray()).map(Scope::of)
                        .flatMap(Optional::stream).collect(Collectors.toUnmodifiableSet()),
                instant(row, "created_at"), instant(row, "last_used_at"), instant(row, "expires_at"),
                instant(row, "revoked_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** What a key is kept and compared as, stored or configured: its SHA-256. */
    public static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
