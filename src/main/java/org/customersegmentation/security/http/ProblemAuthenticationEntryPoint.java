package org.customersegmentation.security.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.customersegmentation.web.ProblemTypes;
import org.customersegmentation.web.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import tools.jackson.databind.json.JsonMapper;

/** Answers unauthenticated calls with a 401 problem that says which header to send. */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    /** What Spring Security puts before every reason a token could not be decoded, which says nothing to a caller. */
    private static final String DECODER_PREAMBLE = "An error occurred while attempting to decode the Jwt: ";

    private final JsonMapper jsonMapper;
    private final boolean bearerTokens;

    /** @param bearerTokens whether bearer tokens are accepted too, to say so */
    ProblemAuthenticationEntryPoint(JsonMapper jsonMapper, boolean bearerTokens) {
        this.jsonMapper = jsonMapper;
        this.bearerTokens = bearerTokens;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        String detail;
        String path = request.getRequestURI();
        if (path.startsWith("/admin/") || path.startsWith("/actuator/")) {
            detail = request.getHeader(OperatorAuthenticationFilter.HEADER) != null
                    ? "The X-Operator-Key header does not match the operator key."
                    : "Send the operator key in the X-Operator-Key header; API keys do not open this.";
        } else if (e instanceof OAuth2AuthenticationException invalid) {
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
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setHeader("WWW-Authenticate", path.startsWith("/admin/") || path.startsWith("/actuator/")
                ? "ApiKey header=\"X-Operator-Key\"" : e instanceof OAuth2AuthenticationException
                ? "Bearer error=\"invalid_token\"" : "ApiKey header=\"X-API-Key\"");
        ProblemWriter.write(response, jsonMapper, problem, null);
    }
}
