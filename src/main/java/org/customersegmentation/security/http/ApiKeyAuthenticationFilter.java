package org.customersegmentation.security.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.customersegmentation.security.Tenant;
import org.customersegmentation.security.TenantKeys;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates a request as the tenant whose key is in {@code X-API-Key}, with the key's scopes; never logs the key. */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

    private final TenantKeys keys;

    ApiKeyAuthenticationFilter(TenantKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented != null) {
            keys.authenticate(presented).ifPresent(ApiKeyAuthenticationFilter::authenticateAs);
        }
        chain.doFilter(request, response);
    }

    /**
     * Makes this the request's authentication; for a tenant, its principal is what
     * {@code @AuthenticationPrincipal Tenant} receives. Every filter of ours authenticates through here.
     */
    static void authenticateAs(Authentication authentication) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
    }
}
