package org.customersegmentation.security.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.customersegmentation.security.ReportTokens;
import org.customersegmentation.security.Scope;
import org.customersegmentation.security.TenantAuthentication;
import org.customersegmentation.security.TenantKeys;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a GET of a segmentation's report or one of its charts by the {@code token} of its reportUrl, as
 * the tenant it was issued to. Any other request, or a token for another job, authenticates nothing.
 */
final class ReportTokenAuthenticationFilter extends OncePerRequestFilter {

    static final String PARAMETER = "token";
    private static final Pattern REPORT_PATHS = Pattern.compile("/api/v1/segmentations/"
            + "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/(report|charts/[a-z-]+\\.(svg|png))");

    private final ReportTokens tokens;
    private final TenantKeys keys;
    private final boolean bearerTokens;

    /**
     * @param bearerTokens whether tenants may authenticate with bearer tokens: the service cannot tell whether such a
     *                     tenant still exists, so its links work until they expire
     */
    ReportTokenAuthenticationFilter(ReportTokens tokens, TenantKeys keys, boolean bearerTokens) {
        this.tokens = tokens;
        this.keys = keys;
        this.bearerTokens = bearerTokens;
    }

    /** Whether the request is for a report or one of its charts, with a token: what a report link opens. */
    static boolean isReportLink(HttpServletRequest request) {
        return request.getParameter(PARAMETER) != null && REPORT_PATHS.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = request.getParameter(PARAMETER);
        Matcher path = REPORT_PATHS.matcher(request.getRequestURI());
        if (token != null && "GET".equals(request.getMethod()) && path.matches()
                && request.getHeader(ApiKeyAuthenticationFilter.HEADER) == null) {
            tokens.verify(UUID.fromString(path.group(1)), token).filter(tenant -> bearerTokens || keys.knows(tenant))
                    .ifPresent(tenant -> ApiKeyAuthenticationFilter.authenticateAs(
                            new TenantAuthentication(tenant, "report-link", Set.of(Scope.READ))));
        }
        chain.doFilter(request, response);
    }
}
