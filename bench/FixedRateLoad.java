import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator: sends requests at a fixed arrival rate whatever the answers do, and measures each
 * latency from when the request was due, not when it went out, so a slow server cannot hide its queue (no
 * coordinated omission). Prints one line: "p50_ms p99_ms max_ms requests errors". Each request says in a header,
 * X-Bench-Phase, whether it is part of the warm-up or measured.
 *
 *   java bench/FixedRateLoad.java URL API_KEY RATE SECONDS [JSON_BODY_FILE]   (GET without a body file, POST with)
 *   java bench/FixedRateLoad.java URL API_KEY max SECONDS JSON_BODY_FILE        (throughput: see backToBack)
 *
 * It speaks HTTP/1.1 over plain keep-alive sockets, one thread each, fed from one queue of due times. The JDK's
 * HttpClient, used at first, ran on the same two cores as the service and added its own selector and executor
 * hops: on the same server, one run after the other, its p99 was 1.6 to 7 times this client's.
 */
public class FixedRateLoad {

    private static final int CONNECTIONS = 8;
    private static final long STOP = Long.MIN_VALUE;

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        if (args[2].equals("max")) {
            backToBack(uri, request(uri, args[1], Files.readAllBytes(Path.of(args[4])), "batch"),
                    Integer.parseInt(args[3]));
            return;
        }
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        byte[] body = args.length > 4 ? Files.readAllBytes(Path.of(args[4])) : null;
        // a warm-up at the same rate, not counted
        int warmUp = Math.max(5, seconds / 3);
        run(uri, request(uri, args[1], body, "warm-up"), rate, warmUp, new long[rate * warmUp], new AtomicInteger());
        long[] latencies = new long[rate * seconds];
        AtomicInteger errors = new AtomicInteger();
        long[] sorted = Arrays.copyOf(latencies, run(uri, request(uri, args[1], body, "measured"), rate, seconds,
                latencies, errors));
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%.3f %.3f %.3f %d %d%n", percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, rate * seconds, errors.get());
    }

    /**
     * Throughput rather than latency: each of two connections (one per core of the machine this was written on)
     * sends the request again as soon as the answer is in, for a second of warm-up, then for {@code seconds}.
     * Prints "requests_per_second requests errors".
     */
    private static void backToBack(URI uri, byte[] request, int seconds) throws InterruptedException {
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        long measureFrom = start + 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        Thread[] senders = new Thread[2];
        for (int c = 0; c < senders.length; c++) {
            senders[c] = Thread.ofPlatform().start(() -> {
                Connection connection = null;
                while (System.nanoTime() < end) {
                    try {
                        connection = connection == null || connection.closed() ? new Connection(uri) : connection;
                        boolean ok = connection.exchange(request) / 100 == 2;
                        if (System.nanoTime() >= measureFrom && System.nanoTime() < end) {
                            (ok ? answered : errors).incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        connection = null;
                    }
                }
                if (connection != null) {
                    connection.close();
                }
            });
        }
        for (Thread sender : senders) {
            sender.join();
        }
        System.out.printf(Locale.ROOT, "%.1f %d %d%n", answered.get() / (double) seconds, answered.get() + errors.get(),
                errors.get());
    }

    /** The request's bytes; X-Bench-Phase lets the service's access log tell measured requests from the rest. */
    private static byte[] request(URI uri, String apiKey, byte[] body, String phase) {
        String head = (body == null ? "GET " : "POST ") + uri.getRawPath() + " HTTP/1.1\r\n"
                + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                + "X-API-Key: " + apiKey + "\r\n"
                + "X-Bench-Phase: " + phase + "\r\n"
                + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
                + "\r\n";
        byte[] request = head.getBytes(StandardCharsets.US_ASCII);
        if (body != null) {
            request = Arrays.copyOf(request, request.length + body.length);
            System.arraycopy(body, 0, request, head.length(), body.length);
        }
        return request;
    }

    /** Sends {@code rate * seconds} requests on schedule; returns how many latencies it recorded. */
    private static int run(URI uri, byte[] request, int rate, int seconds, long[] latencies, AtomicInteger errors)
            throws InterruptedException {
        LinkedBlockingQueue<Long> due = new LinkedBlockingQueue<>();
        AtomicInteger recorded = new AtomicInteger();
        Thread[] connections = new Thread[CONNECTIONS];
        for (int c = 0; c < CONNECTIONS; c++) {
            connections[c] = Thread.ofPlatform().start(() -> {
                Connection connection = null;
                try {
                    for (long when = due.take(); when != STOP; when = due.take()) {
                        try {
                            if (connection == null) {
                                connection = new Connection(uri);
                            }
                            int status = connection.exchange(request);
                            if (status / 100 == 2) {
                                latencies[recorded.getAndIncrement()] = System.nanoTime() - when;
                            } else {
                                errors.incrementAndGet();
                            }
                            if (connection.closed()) {
                                connection = null;
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            connection = null;
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    if (connection != null) {
                        connection.close();
                    }
                }
            });
        }
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < rate * seconds; i++) {
            long when = start + i * interval;
            for (long wait = when - System.nanoTime(); wait > 0; wait = when - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            due.add(when);
        }
        for (int c = 0; c < CONNECTIONS; c++) {
            due.add(STOP);
        }
        for (Thread connection : connections) {
            connection.join();
        }
        return recorded.get();
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** One keep-alive connection: a request out, its response read to the end (Content-Length or chunked). */
    private static final class Connection {

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private boolean closed;

        Connection(URI uri) throws IOException {
            socket = new Socket(uri.getHost(), uri.getPort());
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        }

        /** Sends the request and returns the response's status, its body discarded. */
        int exchange(byte[] request) throws IOException {
            out.write(request);
            int status = Integer.parseInt(line().substring(9, 12));
            long length = 0;
            boolean chunked = false;
            for (String header = line().toLowerCase(Locale.ROOT); !header.isEmpty(); header = line().toLowerCase(Locale.ROOT)) {
                if (header.startsWith("content-length:")) {
                    length = Long.parseLong(header.substring(15).trim());
                } else if (header.startsWith("transfer-encoding:")) {
                    chunked = header.contains("chunked");
                } else if (header.startsWith("connection:") && header.contains("close")) {
                    closed = true; // the server ends keep-alive connections after so many requests
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                    in.readNBytes(Math.toIntExact(size + 2)); // the chunk and its CRLF
                }
                line();
            } else {
                in.readNBytes(Math.toIntExact(length));
            }
            if (closed) {
                close();
            }
            return status;
        }

        boolean closed() {
            return closed;
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // done with it either way
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("The connection closed mid-response");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }
    }
}
