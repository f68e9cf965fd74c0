package org.customersegmentation.security.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.customersegmentation.web.ProblemTypes;
import org.customersegmentation.web.ProblemWriter;
import org.customersegmentation.web.ServiceFaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers unauthenticated calls with a 401 problem that says which header to send, one instance per door. A bearer
 * token that could not be checked at all (the identity provider's keys out of reach) is the service's fault, and a
 * retryable 503 rather than a 401.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAuthenticationEntryPoint.class);
    /** What Spring Security puts before every reason a token could not be decoded, which says nothing to a caller. */
    private static final String DECODER_PREAMBLE = "An error occurred while attempting to decode the Jwt: ";

    private final JsonMapper jsonMapper;
    private final boolean operator;
    private final boolean bearerTokens;

    private ProblemAuthenticationEntryPoint(JsonMapper jsonMapper, boolean operator, boolean bearerTokens) {
        this.jsonMapper = jsonMapper;
        this.operator = operator;
        this.bearerTokens = bearerTokens;
    }

    /** For the operator API and the metrics. */
    static ProblemAuthenticationEntryPoint forOperator(JsonMapper jsonMapper) {
        return new ProblemAuthenticationEntryPoint(jsonMapper, true, false);
    }

    /** For the tenants' API; {@code bearerTokens}: whether bearer tokens are accepted too, to say so. */
    static ProblemAuthenticationEntryPoint forTenants(JsonMapper jsonMapper, boolean bearerTokens) {
        return new ProblemAuthenticationEntryPoint(jsonMapper, false, bearerTokens);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        String detail;
        String challenge = "ApiKey header=\"" + ApiKeyAuthenticationFilter.HEADER + "\"";
        if (operator) {
            challenge = "ApiKey header=\"" + OperatorAuthenticationFilter.HEADER + "\"";
            detail = request.getHeader(OperatorAuthenticationFilter.HEADER) != null
                    ? "The X-Operator-Key header does not match the operator key."
                    : "Send the operator key in the X-Operator-Key header; API keys do not open this.";
        } else if (e instanceof OAuth2AuthenticationException invalid) {
            challenge = "Bearer error=\"invalid_token\"";
            String reason = invalid.getError().getDescription();
            detail = "The bearer token was refused" + (reason == null ? "" : ": " + reason.replace(DECODER_PREAMBLE, "")
                    .replaceAll("\\.$", "")) + ". Send a current token your identity provider issued for this service, "
                    + "naming the tenant it acts for.";
        } else if (request.getHeader(ApiKeyAuthenticationFilter.HEADER) != null) {
            detail = "The X-API-Key header matches no active API key: check it, or ask the operator whether it was "
                    + "revoked or has expired.";
        } else if (ReportTokenAuthenticationFilter.isReportLink(request)) {
            detail = "This report link has expired or is not valid; get a fresh reportUrl from the segmentation's "
                    + "result, or send your API key in the X-API-Key header.";
        } else {
            detail = bearerTokens ? "Send your API key in the X-API-Key header, or an OAuth2 bearer token."
                    : "Send your API key in the X-API-Key header.";
        }
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setHeader("WWW-Authenticate", challenge);
        ProblemWriter.write(response, jsonMapper, problem, null);
    }

    /** A bearer token that failed: refused (401), or not checkable now (503). */
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException e) throws IOException {
        if (!(e instanceof AuthenticationServiceException)) {
            commence(request, response, e);
            return;
        }
        log.warn("A bearer token could not be checked: {}", e.getMessage());
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.SERVICE_UNAVAILABLE, "Identity provider unavailable",
                "The service could not check the bearer token with the identity provider just now; try again after "
                        + "Retry-After seconds.");
        problem.setInstance(URI.create(request.getRequestURI()));
        ProblemWriter.write(response, jsonMapper, problem, ServiceFaults.RETRY_AFTER_SECONDS);
    }
}
