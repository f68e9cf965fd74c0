package org.customersegmentation.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Client faults that surface inside a controller and must not reach {@link ProblemDetailsAdvice}'s catch-all:
 * the firewall's lazy checks of headers and parameters, and an Accept header that cannot be parsed. Ordered first,
 * so that its handlers win over the catch-all.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice
class RequestRejectedAdvice {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
        return asProblem(RejectedRequests.problem(e));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> malformedAccept(MalformedAcceptNegotiation.MalformedAcceptException e) {
        return asProblem(ProblemTypes.problem(HttpStatus.BAD_REQUEST, "Malformed Accept header",
                "The Accept header could not be parsed: send media types such as application/json, or leave it out."));
    }

    /** With its content type set, so that no Accept header is consulted to write it. */
    private static ResponseEntity<ProblemDetail> asProblem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
