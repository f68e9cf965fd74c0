package org.customersegmentation.security.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.customersegmentation.security.Scope;
import org.customersegmentation.web.ProblemTypes;
import org.customersegmentation.web.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** A key or token without the scope a call needs is a 403 that names the scope. */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final JsonMapper jsonMapper;

    ProblemAccessDeniedHandler(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Scope needed = Scope.neededFor(request.getMethod());
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.FORBIDDEN, "Missing scope", "This key or token "
                + "lacks the scope " + needed.value() + ", which " + request.getMethod() + " requests need. Ask the "
                + "operator for a key with it.");
        problem.setProperty("scope", needed.value());
        problem.setInstance(URI.create(request.getRequestURI()));
        ProblemWriter.write(response, jsonMapper, problem, null);
    }
}
