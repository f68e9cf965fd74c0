import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator: sends requests at a fixed arrival rate whatever the answers do, and measures each
 * latency from when the request was due, not when it went out, so a slow server cannot hide its queue (no
 * coordinated omission). Prints one line: "p50_ms p99_ms max_ms requests errors".
 *
 *   java bench/FixedRateLoad.java URL API_KEY RATE SECONDS [JSON_BODY_FILE]   (GET without a body file, POST with)
 */
public class FixedRateLoad {

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        String key = args[1];
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        String body = args.length > 4 ? Files.readString(Path.of(args[4])) : null;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("X-API-Key", key);
        HttpRequest request = body == null ? builder.GET().build()
                : builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        // a short warm-up at the same rate, not counted
        run(http, request, rate, Math.max(2, seconds / 5), new ArrayList<>(), new AtomicInteger());
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        run(http, request, rate, seconds, latencies, errors);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%.3f %.3f %.3f %d %d%n", percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted.isEmpty() ? 0 : sorted.getLast() / 1e6, sorted.size() + errors.get(), errors.get());
    }

    private static void run(HttpClient http, HttpRequest request, int rate, int seconds, List<Long> latencies,
                            AtomicInteger errors) {
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        int total = rate * seconds;
        List<CompletableFuture<?>> pending = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
                long latency = System.nanoTime() - due;
                if (failure != null || response.statusCode() / 100 != 2) {
                    errors.incrementAndGet();
                } else {
                    latencies.add(latency);
                }
                return null;
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
