package org.customersegmentation.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reach a controller (a URL the security firewall rejects, a failure in a filter) are
 * forwarded to /error by the servlet container; they too leave as application/problem+json.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code)) {
            // asked for directly rather than forwarded to by the container: there is nothing here
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemTypes.problem(HttpStatus.NOT_FOUND, "Not Found", "There is no resource at /error."));
        }
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && ServiceFaults.problemFor(failure) instanceof ProblemDetail fault) {
            // a filter's query failed on a lost connection, say: retryable, as anywhere else
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(ServiceFaults.RETRY_AFTER_SECONDS)).body(fault);
        }
        HttpStatus status = HttpStatus.resolve(code) != null ? HttpStatus.resolve(code) : HttpStatus.INTERNAL_SERVER_ERROR;
        String detail = status.is4xxClientError()
                ? "The request was refused before it reached the API (" + status.value() + "): check the URL and headers."
                : "The service failed to handle the request. Please try again later.";
        ProblemDetail problem = ProblemTypes.problem(status, status.getReasonPhrase(), detail);
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
            try {
                problem.setInstance(URI.create(uri));
            } catch (IllegalArgumentException rejectedBecauseMalformed) {
                // leave instance out rather than echo a malformed path
            }
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
