package org.customersegmentation.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged service, started as a process of its own on a free port (as an operator would run a replica), so
 * that a test can kill it for real. Its output goes to {@code target/process-logs/<name>.log}.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;

    private ServiceProcess(String name, Process process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the jar {@code mvn package} built against the database and waits until it is healthy.
     *
     * @param settings further Spring properties, e.g. {@code db-scheduler.heartbeat-interval} to {@code 1s}
     */
    public static ServiceProcess start(String name, ProcessDatabase database, Map<String, String> settings) {
        return start(name, database, settings, List.of(), List.of());
    }

    /**
     * @param wrapper    a command the JVM is started through, e.g. one that mounts a small disk for it first; the
     *                   JVM's own command line follows it
     * @param jvmOptions further JVM options, e.g. {@code -Djava.io.tmpdir=...}
     */
    public static ServiceProcess start(String name, ProcessDatabase database, Map<String, String> settings,
                                       List<String> wrapper, List<String> jvmOptions) {
        int port = freePort();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SPRING_DATASOURCE_URL", database.url());
        environment.put("SPRING_DATASOURCE_USERNAME", database.username());
        environment.put("SPRING_DATASOURCE_PASSWORD", database.password());
        environment.put("SEGMENTATION_API_KEYS", Tenants.ACME + "=" + Tenants.ACME_KEY);
        environment.put("SERVER_PORT", Integer.toString(port));
        Path log = Path.of("target", "process-logs", name + ".log");
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(Stream.of(wrapper.stream(), Stream.of(javaCommand(), "-Xmx1g"),
                    jvmOptions.stream(), Stream.of("-jar", jar().toString()),
                    settings.entrySet().stream().map(setting -> "--" + setting.getKey() + "=" + setting.getValue()))
                    .flatMap(arguments -> arguments).toList());
            builder.environment().putAll(environment);
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            ServiceProcess service = new ServiceProcess(name, builder.start(), port);
            service.awaitHealthy();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public ApiClient client(String apiKey) {
        return new ApiClient(port, apiKey);
    }

    /** What the process has logged so far. */
    public String log() {
        try {
            return Files.readString(Path.of("target", "process-logs", name + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no cleanup, as when the kernel or an orchestrator kills the process. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM: the graceful shutdown a redeploy asks for. */
    public void stop() {
        process.destroy();
        awaitExit();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(name + " did not exit within 90 seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited while starting; see target/process-logs/" + name + ".log");
            }
            try {
                return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYetListening) {
                return false;
            }
        });
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("customer-segmentation-service-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No packaged jar in target/: these tests run in the "
                            + "integration-test phase of ./mvnw verify, after the jar is built."));
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
