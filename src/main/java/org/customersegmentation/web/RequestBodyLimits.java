package org.customersegmentation.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.customersegmentation.common.ContentTooLargeException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * No API request body is read past its endpoint's limit ({@link BodyLimit}): a declared Content-Length over it is
 * a 413 before anything is read, and a chunked body fails with the same 413 as it passes the limit, instead of
 * being held in memory whole.
 */
@Configuration(proxyBeanMethods = false)
class RequestBodyLimits {

    private record Limit(PathPattern pattern, DataSize maxSize) {
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestBodyLimit(List<BodyLimit> declared, JsonMapper json,
            @Value("${segmentation.requests.max-body-size:1MB}") DataSize defaultLimit) {
        List<Limit> limits = declared.stream()
                .map(limit -> new Limit(PathPatternParser.defaultInstance.parse(limit.pathPattern()), limit.maxSize()))
                .toList();
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                PathContainer path = PathContainer.parsePath(request.getRequestURI());
                Limit declared = limits.stream().filter(candidate -> candidate.pattern().matches(path)).findFirst()
                        .orElse(null);
                DataSize limit = declared != null ? declared.maxSize() : defaultLimit;
                if (limit == null) {
                    chain.doFilter(request, response);
                } else if (request.getContentLengthLong() > limit.toBytes()) {
                    // nothing of it has been read, and nothing will be: answer, then close the connection
                    AbandonedBodies.abandon(request);
                    ContentTooLargeException tooLarge = tooLarge(limit);
                    ProblemWriter.write(response, json, ProblemTypes.problem(HttpStatus.CONTENT_TOO_LARGE,
                            tooLarge.title(), tooLarge.getMessage()), null);
                } else {
                    chain.doFilter(new Limited(request, limit), response);
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    private static ContentTooLargeException tooLarge(DataSize limit) {
        return new ContentTooLargeException("Request body too large", "The request body is larger than the "
                + describe(limit) + " this endpoint accepts; send less in one request.");
    }

    private static String describe(DataSize size) {
        return size.toBytes() % DataSize.ofMegabytes(1).toBytes() == 0 ? size.toMegabytes() + " MB"
                : size.toKilobytes() + " KB";
    }

    /** The request with a body that stops being readable once past the limit. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final DataSize limit;
        private ServletInputStream body;

        Limited(HttpServletRequest request, DataSize limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                ServletInputStream original = super.getInputStream();
                body = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = original.read();
                        count(b < 0 ? 0 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = original.read(buffer, offset, length);
                        count(Math.max(n, 0));
                        return n;
                    }

                    private void count(int n) {
                        read += n;
                        if (read > limit.toBytes()) {
                            throw tooLarge(limit);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return original.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return original.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        original.setReadListener(listener);
                    }
                };
            }
            return body;
        }
    }
}
