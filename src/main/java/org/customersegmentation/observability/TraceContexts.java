package org.customersegmentation.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The W3C trace context of work that outlives its request. A job keeps its creating request's {@code traceparent},
 * and its run and its callback continue that trace, so that their log lines carry the request's trace ID and the
 * callback's receiver can join it.
 */
@Component
public class TraceContexts {

    static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceContexts(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current span's {@code traceparent}, or null outside any trace. */
    public String traceParent() {
        return headers().get(TRACEPARENT);
    }

    /** The headers that carry the current trace to another service ({@code traceparent}, ...); none outside a trace. */
    public Map<String, String> headers() {
        Span span = tracer.currentSpan();
        Map<String, String> headers = new LinkedHashMap<>();
        if (span != null) {
            propagator.inject(span.context(), headers, Map::put);
        }
        return headers;
    }

    /**
     * Starts a span named {@code name} in the trace of {@code traceParent} (a new trace when it is null or not a
     * valid traceparent) and makes it current on this thread until the result is closed.
     */
    public Continued continueTrace(String traceParent, String name) {
        Span.Builder builder = traceParent == null ? tracer.spanBuilder().setNoParent()
                : propagator.extract(Map.of(TRACEPARENT, traceParent), Map::get);
        Span span = builder.name(name).start();
        Tracer.SpanInScope scope = tracer.withSpan(span);
        return () -> {
            scope.close();
            span.end();
        };
    }

    /** A continued trace, current on this thread until closed. */
    public interface Continued extends AutoCloseable {
        @Override
        void close();
    }
}
