package org.customersegmentation.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configured {@code tenant=key} pairs. Keys are kept only as SHA-256 digests and compared in constant time;
 * every configured key is compared on every lookup so the time taken says nothing about which one matched.
 */
final class ApiKeys {

    private record Entry(Tenant tenant, byte[] keyDigest) {
    }

    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = entries;
    }

    /** Parses {@code acme=3f9c...,globex=77ab...}; fails with a message naming what is wrong (never a key). */
    static ApiKeys parse(String configured) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("No API keys are configured, so no one could call the API. "
                    + "Set SEGMENTATION_API_KEYS to comma-separated tenant=key pairs, e.g. acme=<a long random key>.");
        }
        List<Entry> entries = new ArrayList<>();
        Set<String> digests = new HashSet<>();
        TenantSecrets.parse("SEGMENTATION_API_KEYS", configured).forEach((tenant, key) -> {
            byte[] digest = sha256(key);
            if (!digests.add(new String(digest, StandardCharsets.ISO_8859_1))) {
                throw new IllegalStateException("SEGMENTATION_API_KEYS gives the same key to two tenants ('" + tenant
                        + "' and an earlier one).");
            }
            entries.add(new Entry(new Tenant(tenant), digest));
        });
        return new ApiKeys(List.copyOf(entries));
    }

    Optional<Tenant> tenantFor(String presentedKey) {
        byte[] presented = sha256(presentedKey);
        Tenant match = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(presented, entry.keyDigest()) && match == null) {
                match = entry.tenant();
            }
        }
        return Optional.ofNullable(match);
    }

    /** Whether the tenant still has a key: a tenant taken out of the configuration loses its report links too. */
    boolean knows(Tenant tenant) {
        return entries.stream().anyMatch(entry -> entry.tenant().equals(tenant));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
