package org.customersegmentation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem where no controller advice can: in a servlet filter, before the request reaches Spring MVC.
 * Headers already set stay; the trace ID is added as {@link TraceIdInProblems} adds it.
 */
public final class ProblemWriter {

    private ProblemWriter() {
    }

    /** @param retryAfterSeconds the Retry-After header's value, or null for none */
    public static void write(HttpServletResponse response, JsonMapper json, ProblemDetail problem,
                             Long retryAfterSeconds) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        if (retryAfterSeconds != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), TraceIdInProblems.traced(problem));
    }
}
