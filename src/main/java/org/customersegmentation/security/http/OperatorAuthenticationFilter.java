package org.customersegmentation.security.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.customersegmentation.security.OperatorSettings;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates the operator by {@code X-Operator-Key}, compared in constant time; never a tenant. */
final class OperatorAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Operator-Key";
    static final String AUTHORITY = "OPERATOR";
    /** Who acted, in the audit log. */
    static final String ACTOR = "operator";

    private final byte[] key;

    OperatorAuthenticationFilter(OperatorSettings settings) {
        this.key = settings.key().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented != null && key.length > 0
                && MessageDigest.isEqual(key, presented.getBytes(StandardCharsets.UTF_8))) {
            ApiKeyAuthenticationFilter.authenticateAs(UsernamePasswordAuthenticationToken.authenticated(ACTOR, null,
                    List.of(new SimpleGrantedAuthority(AUTHORITY))));
        }
        chain.doFilter(request, response);
    }
}
