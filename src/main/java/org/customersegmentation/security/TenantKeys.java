package org.customersegmentation.security;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.customersegmentation.security.keys.StoredKeys;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Component;

/** The API keys a tenant can authenticate with: configured ones (the bootstrap), then those issued and stored. */
@Component
public class TenantKeys {

    private final ConfiguredKeys configured;
    private final StoredKeys stored;

    TenantKeys(@Value("${segmentation.api-keys:}") String apiKeys, StoredKeys stored, OperatorSettings operator,
               ObjectProvider<JwtDecoder> bearerTokens) {
        this.configured = ConfiguredKeys.parse(apiKeys);
        this.stored = stored;
        if (configured.isEmpty() && !operator.enabled() && bearerTokens.getIfAvailable() == null) {
            throw new IllegalStateException("No API keys are configured, the operator API is off and no identity "
                    + "provider is set, so no one could call the API. Set SEGMENTATION_API_KEYS to comma-separated "
                    + "tenant=key pairs, SEGMENTATION_OPERATOR_KEY to issue keys through the operator API, or "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri for bearer tokens.");
        }
    }

    public Optional<TenantAuthentication> authenticate(String presented) {
        Optional<Tenant> bootstrap = configured.tenantFor(presented);
        if (bootstrap.isPresent()) {
            return bootstrap.map(tenant -> TenantAuthentication.withAllScopes(tenant, "config:" + tenant.id()));
        }
        return stored.find(presented).map(key -> new TenantAuthentication(new Tenant(key.tenant()), "key:" + key.id(),
                key.scopes()));
    }

    /** Whether the tenant can still authenticate: one taken out of the configuration, its keys all revoked, cannot. */
    public boolean knows(Tenant tenant) {
        return configured.knows(tenant) || stored.hasActiveKey(tenant.id());
    }

    /** Every tenant with keys, configured or stored, and how many it has active. */
    public Map<String, Long> tenants() {
        Map<String, Long> tenants = new TreeMap<>(stored.activeKeysByTenant());
        configured.tenants().forEach(tenant -> tenants.merge(tenant, 1L, Long::sum));
        return tenants;
    }
}
