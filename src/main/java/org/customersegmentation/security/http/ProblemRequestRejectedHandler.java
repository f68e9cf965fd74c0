package org.customersegmentation.security.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.customersegmentation.web.ProblemWriter;
import org.customersegmentation.web.RejectedRequests;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/** A request the firewall refuses (a ';' in the URL, a control character in a header ...) is a 400 problem. */
final class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    private final JsonMapper jsonMapper;

    ProblemRequestRejectedHandler(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        ProblemWriter.write(response, jsonMapper, RejectedRequests.problem(e), null);
    }
}
