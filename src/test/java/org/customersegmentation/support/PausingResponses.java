package org.customersegmentation.support;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Lets an end-to-end test stop the service half-way through writing a response, to do something at that moment
 * (close the connection, say) before the service writes on. A request carrying the header {@value #HEADER} with a
 * {@link Pause}'s token is held once that many bytes of its body have been sent; requests without it pass as they are.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PausingResponses {

    public static final String HEADER = "X-Test-Pause";
    private static final Map<String, Pause> PAUSES = new ConcurrentHashMap<>();

    /** Where the service stops, and what it saw after it went on. */
    public static final class Pause {

        private final String token = UUID.randomUUID().toString();
        private final long afterBytes;
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch resume = new CountDownLatch(1);
        private final CountDownLatch writeFailed = new CountDownLatch(1);

        private Pause(long afterBytes) {
            this.afterBytes = afterBytes;
        }

        public String token() {
            return token;
        }

        /** Waits until the service has flushed at least afterBytes of the body and stopped. */
        public void awaitReached(Duration atMost) throws InterruptedException {
            if (!reached.await(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the response never reached its pause");
            }
        }

        public void resume() {
            resume.countDown();
            PAUSES.remove(token);
        }

        /** Waits until a write of the service, after the pause, failed: it saw that the client went away. */
        public void awaitWriteFailed(Duration atMost) throws InterruptedException {
            if (!writeFailed.await(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the service wrote on without noticing that the client went away");
            }
        }
    }

    /** A pause for one request, once {@code afterBytes} of its body have been flushed to the client. */
    public static Pause pauseAfter(long afterBytes) {
        Pause pause = new Pause(afterBytes);
        PAUSES.put(pause.token, pause);
        return pause;
    }

    @Bean
    FilterRegistrationBean<Filter> pausingResponsesFilter() {
        Filter filter = (request, response, chain) -> {
            Pause pause = PAUSES.get(String.valueOf(((HttpServletRequest) request).getHeader(HEADER)));
            chain.doFilter(request, pause == null ? response : new Paused((HttpServletResponse) response, pause));
        };
        return new FilterRegistrationBean<>(filter);
    }

    private static final class Paused extends HttpServletResponseWrapper {

        private final Pause pause;
        private ServletOutputStream out;

        Paused(HttpServletResponse response, Pause pause) {
            super(response);
            this.pause = pause;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (out == null) {
                out = new PausingStream(super.getOutputStream(), pause);
            }
            return out;
        }
    }

    private static final class PausingStream extends ServletOutputStream {

        private final ServletOutputStream delegate;
        private final Pause pause;
        private long written;

        PausingStream(ServletOutputStream delegate, Pause pause) {
            this.delegate = delegate;
            this.pause = pause;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                delegate.write(bytes, offset, length);
                written += length;
                if (written >= pause.afterBytes && pause.reached.getCount() > 0) {
                    delegate.flush();
                    pause.reached.countDown();
                    if (!pause.resume.await(60, TimeUnit.SECONDS)) {
                        throw new IOException("the test never resumed the response");
                    }
                }
            } catch (IOException e) {
                failed();
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                delegate.flush();
            } catch (IOException e) {
                failed();
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                delegate.close();
            } catch (IOException e) {
                failed();
                throw e;
            }
        }

        private void failed() {
            if (pause.reached.getCount() == 0) {
                pause.writeFailed.countDown();
            }
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            delegate.setWriteListener(listener);
        }
    }
}
