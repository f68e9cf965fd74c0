package org.customersegmentation.security;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the settings that give each tenant a secret, written as comma-separated {@code tenant=secret} pairs. */
public final class TenantSecrets {

    private TenantSecrets() {
    }

    /**
     * Tenant to secret, in the order written; blank means none.
     *
     * @param setting the setting's name, for the message when it is malformed
     * @throws IllegalStateException naming the entry when one is not of the form tenant=secret, or names a tenant
     *                               twice (the secrets themselves are not repeated)
     */
    public static Map<String, String> parse(String setting, String configured) {
        Map<String, String> secrets = new LinkedHashMap<>();
        if (configured == null || configured.isBlank()) {
            return secrets;
        }
        String[] pairs = configured.split(",");
        for (int i = 0; i < pairs.length; i++) {
            String pair = pairs[i].strip();
            int equals = pair.indexOf('=');
            String tenant = equals > 0 ? pair.substring(0, equals).strip() : "";
            String secret = equals > 0 ? pair.substring(equals + 1).strip() : "";
            if (tenant.isEmpty() || secret.isEmpty()) {
                throw new IllegalStateException(setting + " entry " + (i + 1) + " is not of the form tenant=secret.");
            }
            if (secrets.putIfAbsent(tenant, secret) != null) {
                throw new IllegalStateException(setting + " names tenant '" + tenant + "' twice.");
            }
        }
        return secrets;
    }
}
