package org.customersegmentation.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.customersegmentation.security.keys.StoredKeys;

/**
 * The {@code tenant=key} pairs of {@code SEGMENTATION_API_KEYS}: a bootstrap, for development and for the first
 * tenants before keys are issued through the operator API. Each has every scope. Keys are kept only as SHA-256
 * digests and compared in constant time; every configured key is compared on every lookup so the time taken says
 * nothing about which one matched.
 */
final class ConfiguredKeys {

    private record Entry(Tenant tenant, byte[] keyDigest) {
    }

    private final List<Entry> entries;

    private ConfiguredKeys(List<Entry> entries) {
        this.entries = entries;
    }

    /** Parses {@code acme=3f9c...,globex=77ab...}; fails with a message naming what is wrong (never a key). */
    static ConfiguredKeys parse(String configured) {
        List<Entry> entries = new ArrayList<>();
        Set<String> digests = new HashSet<>();
        TenantSecrets.parse("SEGMENTATION_API_KEYS", configured).forEach((tenant, key) -> {
            byte[] digest = StoredKeys.digest(key);
            if (!digests.add(new String(digest, StandardCharsets.ISO_8859_1))) {
                throw new IllegalStateException("SEGMENTATION_API_KEYS gives the same key to two tenants ('" + tenant
                        + "' and an earlier one).");
            }
            entries.add(new Entry(new Tenant(tenant), digest));
        });
        return new ConfiguredKeys(List.copyOf(entries));
    }

    Optional<Tenant> tenantFor(String presentedKey) {
        byte[] presented = StoredKeys.digest(presentedKey);
        Tenant match = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(presented, entry.keyDigest()) && match == null) {
                match = entry.tenant();
            }
        }
        return Optional.ofNullable(match);
    }

    /** Whether the tenant still has a key here: a tenant taken out of the configuration loses its report links too. */
    boolean knows(Tenant tenant) {
        return entries.stream().anyMatch(entry -> entry.tenant().equals(tenant));
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    List<String> tenants() {
        return entries.stream().map(entry -> entry.tenant().id()).toList();
    }
}
