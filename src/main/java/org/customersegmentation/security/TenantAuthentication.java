package org.customersegmentation.security;

import java.util.Collection;
import java.util.Set;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated as a tenant, by an API key, a bearer token or a report link. Its principal is the
 * {@link Tenant} (what {@code @AuthenticationPrincipal Tenant} receives); its authorities are the scopes granted;
 * {@link #actor()} says who acted, for the audit log.
 */
public final class TenantAuthentication extends AbstractAuthenticationToken {

    private final Tenant tenant;
    private final String actor;

    /**
     * @param actor {@code key:<id>} for a stored key, {@code config:<tenant>} for a configured one, {@code jwt:<subject>}
     *              for a bearer token, {@code report-link} for a report link
     */
    public TenantAuthentication(Tenant tenant, String actor, Collection<Scope> scopes) {
        super(scopes.stream().map(scope -> new SimpleGrantedAuthority(scope.authority())).toList());
        this.tenant = tenant;
        this.actor = actor;
        setAuthenticated(true);
    }

    static TenantAuthentication withAllScopes(Tenant tenant, String actor) {
        return new TenantAuthentication(tenant, actor, Set.of(Scope.values()));
    }

    public String actor() {
        return actor;
    }

    @Override
    public Tenant getPrincipal() {
        return tenant;
    }

    @Override
    public Object getCredentials() {
        return null;
    }
}
