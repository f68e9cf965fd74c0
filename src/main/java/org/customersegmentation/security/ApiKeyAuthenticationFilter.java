package org.customersegmentation.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates a request as the tenant whose key is in {@code X-API-Key}; never logs the key. */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

    private final ApiKeys apiKeys;

    ApiKeyAuthenticationFilter(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented != null) {
            apiKeys.tenantFor(presented).ifPresent(ApiKeyAuthenticationFilter::authenticateAs);
        }
        chain.doFilter(request, response);
    }

    /** Makes the tenant the request's principal (what {@code @AuthenticationPrincipal Tenant} receives). */
    static void authenticateAs(Tenant tenant) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(tenant, null, List.of()));
        SecurityContextHolder.setContext(context);
    }
}
