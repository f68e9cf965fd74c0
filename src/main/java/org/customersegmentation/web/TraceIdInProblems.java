package org.customersegmentation.web;

import org.slf4j.MDC;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Gives every problem Spring MVC writes the request's trace ID ({@code traceId}), the one its log lines carry, so that
 * a caller reporting a problem hands the operator what finds it in the logs. Filters' problems get it from
 * {@link ProblemWriter}.
 */
@ControllerAdvice
class TraceIdInProblems implements ResponseBodyAdvice<Object> {

    static final String TRACE_ID = "traceId";

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            traced(problem);
        }
        return body;
    }

    /** The problem, with the current trace ID if there is one (the tracing's log context has it). */
    static ProblemDetail traced(ProblemDetail problem) {
        String traceId = MDC.get(TRACE_ID);
        if (traceId != null) {
            problem.setProperty(TRACE_ID, traceId);
        }
        return problem;
    }
}
