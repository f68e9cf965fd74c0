package org.customersegmentation.security.http;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.customersegmentation.security.Scope;
import org.customersegmentation.security.Tenant;
import org.customersegmentation.security.TenantAuthentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Turns a verified JWT into the tenant it acts for: the tenant from the claim {@code segmentation.oauth2.tenant-claim}
 * ({@code tenant}), the scopes from {@code scope} (space-separated) or {@code scp} (a list or a string), and the
 * token's subject as who acted. A token that names no tenant is refused like an invalid one.
 */
@Component
class BearerTokens implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String tenantClaim;

    BearerTokens(@Value("${segmentation.oauth2.tenant-claim:tenant}") String tenantClaim) {
        this.tenantClaim = tenantClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Object tenant = jwt.getClaims().get(tenantClaim);
        if (tenant == null || tenant instanceof String text && text.isBlank()) {
            throw invalid("The token names no tenant in its '" + tenantClaim + "' claim.");
        }
        if (!(tenant instanceof String name) || !name.matches(Tenant.PATTERN)) {
            throw invalid("The token's '" + tenantClaim + "' claim is not one tenant name (1 to 64 letters, digits, "
                    + "'.', '_' or '-').");
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String granted : granted(jwt)) {
            Scope.of(granted).ifPresent(scopes::add);
        }
        return new TenantAuthentication(new Tenant(name), jwt.getSubject() == null ? "jwt" : "jwt:" + jwt.getSubject(),
                scopes);
    }

    private static OAuth2AuthenticationException invalid(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }

    private static List<String> granted(Jwt jwt) {
        Object scope = jwt.getClaims().getOrDefault("scope", jwt.getClaims().get("scp"));
        if (scope instanceof String text) {
            return List.of(text.trim().split("\\s+"));
        }
        if (scope instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
