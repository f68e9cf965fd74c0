package org.customersegmentation.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.customersegmentation.common.ConflictException;
import org.customersegmentation.common.ContentTooLargeException;
import org.customersegmentation.common.DomainException;
import org.customersegmentation.common.InvalidInputException;
import org.customersegmentation.common.NotFoundException;
import org.customersegmentation.common.QuotaExceededException;
import org.customersegmentation.common.ServiceBusyException;
import org.customersegmentation.common.UnprocessableContentException;
import org.customersegmentation.common.UnsupportedFormatException;
import org.customersegmentation.common.UploadInterruptedException;
import org.customersegmentation.common.UploadTooSlowException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error leaves the API as {@code application/problem+json} (RFC 9457). Spring's own exceptions
 * (malformed JSON, a malformed UUID in a path, validation, unsupported media type ...) are handled by the
 * superclass; ours are mapped here.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler
    ResponseEntity<ProblemDetail> domainException(DomainException e, HttpServletRequest request) {
        if (e instanceof UploadTooSlowException) {
            AbandonedBodies.abandon(request);
        }
        HttpStatus status = statusOf(e);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (e.retryAfter() != null) {
            // whole seconds, never 0: a client that retries at once would only meet the same answer
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (e.retryAfter().toMillis() + 999) / 1000)));
        } else if (status == HttpStatus.SERVICE_UNAVAILABLE || status == HttpStatus.TOO_MANY_REQUESTS) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(ServiceFaults.RETRY_AFTER_SECONDS));
        }
        return response.body(problem(status, e.title(), e.getMessage(), e.properties()));
    }

    static HttpStatus statusOf(DomainException e) {
        return switch (e) {
            case InvalidInputException _ -> HttpStatus.BAD_REQUEST;
            case NotFoundException _ -> HttpStatus.NOT_FOUND;
            case ConflictException _ -> HttpStatus.CONFLICT;
            case ContentTooLargeException _ -> HttpStatus.CONTENT_TOO_LARGE;
            case UnsupportedFormatException _ -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case UnprocessableContentException _ -> HttpStatus.UNPROCESSABLE_CONTENT;
            case QuotaExceededException _ -> HttpStatus.TOO_MANY_REQUESTS;
            case ServiceBusyException _ -> HttpStatus.SERVICE_UNAVAILABLE;
            case UploadTooSlowException _ -> HttpStatus.REQUEST_TIMEOUT;
        };
    }

    /**
     * The client stopped sending half-way, or sent nothing for as long as the server waits for a read; it will
     * rarely read this answer, but a proxy might.
     */
    @ExceptionHandler
    ProblemDetail bodyNotRead(UploadInterruptedException e) {
        log.info("Upload interrupted: {}", e.getCause().toString());
        if (e.getCause() instanceof SocketTimeoutException) {
            return problem(HttpStatus.REQUEST_TIMEOUT, "Upload too slow", "Nothing more of the request body arrived "
                    + "for too long, and the upload was abandoned; nothing was stored. Send it again over a faster "
                    + "connection.", Map.of());
        }
        return problem(HttpStatus.BAD_REQUEST, "Upload interrupted", "The request body ended before it was complete; "
                + "nothing was stored. Send the upload again.", Map.of());
    }

    /**
     * A fault of ours rather than the request's (the database went away, restarted or has no connection to spare;
     * the temporary disk is full) is a retryable 503, however it was wrapped; anything else unexpected is a 500.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            // a client that stopped reading a streamed answer half-way: nothing to answer, nothing went wrong here
            log.debug("Client went away: {}", e.toString());
            return null;
        }
        ProblemDetail fault = ServiceFaults.problemFor(e);
        if (fault != null) {
            // one line, no stack trace: the cause is outside the service, and it is logged at every request it fails
            log.warn("{}: {}", fault.getTitle(), rootCause(e));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(ServiceFaults.RETRY_AFTER_SECONDS)).body(fault);
        }
        // Logged without the request body: customer data stays out of the logs.
        log.error("Unexpected error", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The service failed to handle the request. It has been logged; please try again later.", Map.of()));
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 32; depth++) {
            root = root.getCause();
        }
        return root.toString();
    }

    /** A body that fails its checks, or query parameters gathered in an object that do. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetailsAdvice::describe)
                .map(text -> text.endsWith(".") ? text.substring(0, text.length() - 1) : text)
                .sorted()
                .collect(Collectors.joining("; ", "", "."));
        String title = e.getParameter().hasParameterAnnotation(RequestBody.class) ? "Invalid request body"
                : "Invalid request parameter";
        return handleExceptionInternal(e, problem(HttpStatus.BAD_REQUEST, title, detail,
                        firstParameter(e.getBindingResult().getFieldErrors().stream().map(FieldError::getField))),
                headers, status, request);
    }

    /** A value that could not be converted is described by what it should have been, not by Spring's message. */
    private static String describe(FieldError error) {
        if (error.contains(TypeMismatchException.class)) {
            TypeMismatchException mismatch = error.unwrap(TypeMismatchException.class);
            return JsonFieldErrors.describeParameter(error.getField(), mismatch.getRequiredType(), mismatch.getValue());
        }
        return error.getField() + " " + error.getDefaultMessage();
    }

    /** A query or path parameter of the wrong type: say what it must be. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : e.getPropertyName();
        return handleExceptionInternal(e, problem(HttpStatus.BAD_REQUEST, "Invalid request parameter",
                JsonFieldErrors.describeParameter(name, e.getRequiredType(), e.getValue()),
                name == null ? Map.of() : Map.of("parameter", name)), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ContentTooLargeException tooLarge) {
                // the body passed its limit while the JSON parser read it (see RequestBodyLimits)
                return handleExceptionInternal(e, problem(HttpStatus.CONTENT_TOO_LARGE, tooLarge.title(),
                        tooLarge.getMessage(), Map.of()), headers, HttpStatus.CONTENT_TOO_LARGE, request);
            }
        }
        String detail = "The request body is not valid JSON for this operation.";
        Map<String, Object> members = Map.of();
        if (e.getMostSpecificCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining("."));
            members = Map.of("parameter", field);
            detail = databind instanceof UnrecognizedPropertyException unknown
                    ? "Field '" + field + "' is not part of this request; the fields are "
                            + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                                    .collect(Collectors.joining(", ")) + "."
                    : JsonFieldErrors.describe(field, databind);
        }
        return handleExceptionInternal(e, problem(HttpStatus.BAD_REQUEST, "Invalid request body", detail, members),
                headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        String detail = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> result.getMethodParameter().getParameterName() + " " + error.getDefaultMessage()))
                .sorted()
                .collect(Collectors.joining("; ", "", "."));
        return handleExceptionInternal(e, problem(HttpStatus.BAD_REQUEST, "Invalid request parameter", detail,
                        firstParameter(e.getParameterValidationResults().stream()
                                .map(result -> result.getMethodParameter().getParameterName()))),
                headers, status, request);
    }

    /** The {@code parameter} member naming the first, alphabetically, of the parameters at fault; none if unnamed. */
    private static Map<String, Object> firstParameter(Stream<String> names) {
        return names.filter(Objects::nonNull).sorted().findFirst()
                .<Map<String, Object>>map(name -> Map.of("parameter", name)).orElse(Map.of());
    }

    /** Gives Spring's own problems (unsupported media type, type mismatches, 404s, 405s ...) a type too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getTitle() != null
                && (problem.getType() == null || ProblemTypes.ABOUT_BLANK.equals(problem.getType()))) {
            problem.setType(ProblemTypes.forTitle(problem.getTitle()));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, Map<String, Object> properties) {
        ProblemDetail problem = ProblemTypes.problem(status, title, detail);
        properties.forEach(problem::setProperty);
        return problem;
    }
}
