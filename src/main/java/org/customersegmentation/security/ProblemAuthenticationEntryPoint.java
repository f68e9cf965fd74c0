package org.customersegmentation.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.customersegmentation.web.ProblemTypes;
import org.customersegmentation.web.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import tools.jackson.databind.json.JsonMapper;

/** Answers unauthenticated calls with a 401 problem that says which header to send. */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final JsonMapper jsonMapper;

    ProblemAuthenticationEntryPoint(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        String detail;
        if (request.getHeader(ApiKeyAuthenticationFilter.HEADER) != null) {
            detail = "The X-API-Key header does not match any configured key.";
        } else if (ReportTokenAuthenticationFilter.isReportLink(request)) {
            detail = "This report link has expired or is not valid; get a fresh reportUrl from the segmentation's "
                    + "result, or send your API key in the X-API-Key header.";
        } else {
            detail = "Send your API key in the X-API-Key header.";
        }
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setHeader("WWW-Authenticate", "ApiKey header=\"X-API-Key\"");
        ProblemWriter.write(response, jsonMapper, problem, null);
    }
}
