package org.customersegmentation.support;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import static org.awaitility.Awaitility.await;

/**
 * A PostgreSQL of a test's own, which it may stop, start and restart: never the one the other tests share. A
 * Testcontainers container on a fixed port when a Docker engine is available; otherwise a cluster created with
 * Debian's postgresql-common ({@code pg_createcluster}, which needs root, as {@code .ci/run} runs) on a free port,
 * dropped again on close. With neither, the test fails and says so; it never skips.
 */
public abstract sealed class ThrowawayPostgres implements AutoCloseable {

    final int port;

    private ThrowawayPostgres(int port) {
        this.port = port;
    }

    public static ThrowawayPostgres create(String name) {
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return new Container(freePort());
        }
        if (Files.isExecutable(Path.of("/usr/bin/pg_createcluster"))) {
            return new DebianCluster(name, freePort());
        }
        throw new IllegalStateException("The fault tests need a PostgreSQL they can stop and start: a Docker engine, or "
                + "Debian's postgresql-common (pg_createcluster, run as root, as .ci/run does).");
    }

    /** A new database on this server, as the service processes connect to it. */
    public ProcessDatabase database(String name) {
        try (Connection connection = DriverManager.getConnection(url("postgres"), user(), password())) {
            connection.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new ProcessDatabase(url(name), user(), password());
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    String user() {
        return "postgres";
    }

    String password() {
        return "";
    }

    /** A fast shutdown: connections are terminated (57P01), the server exits, the port refuses. */
    public abstract void stop();

    public abstract void start();

    /** Removes the server and its data. */
    @Override
    public abstract void close();

    /** What a restart of PostgreSQL under the service does: every connection ends, and the server is back. */
    public void restart() {
        stop();
        start();
    }

    void awaitAccepting() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            try (Connection connection = DriverManager.getConnection(url("postgres"), user(), password())) {
                return connection.isValid(2);
            } catch (SQLException notYet) {
                return false;
            }
        });
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final class DebianCluster extends ThrowawayPostgres {

        private final String version;
        private final String name;

        DebianCluster(String name, int port) {
            super(port);
            this.name = name;
            try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
                this.version = versions.map(path -> path.getFileName().toString()).sorted().reduce((a, b) -> b)
                        .orElseThrow(() -> new IllegalStateException("No PostgreSQL version under /etc/postgresql"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            run(List.of("pg_dropcluster", version, name, "--stop"), true); // an earlier run's, if it was killed
            run(List.of("pg_createcluster", version, name, "-p", Integer.toString(port), "--", "--auth=trust"), false);
            start();
        }

        @Override
        public void stop() {
            run(List.of("pg_ctlcluster", version, name, "stop", "-m", "fast"), false);
        }

        @Override
        public void start() {
            run(List.of("pg_ctlcluster", version, name, "start"), false);
            awaitAccepting();
        }

        @Override
        public void close() {
            run(List.of("pg_dropcluster", version, name, "--stop"), true);
        }

        private static void run(List<String> command, boolean mayFail) {
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not end within 60 s");
                }
                if (process.exitValue() != 0 && !mayFail) {
                    throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Untested here (no Docker engine on the machine these tests were written on); kept on one host port. */
    static final class Container extends ThrowawayPostgres {

        private final PostgreSQLContainer container;

        @SuppressWarnings("resource")
        Container(int port) {
            super(port);
            container = new PostgreSQLContainer(PostgresForTests.IMAGE).withUsername("postgres").withPassword("postgres")
                    .withCreateContainerCmdModifier(command -> command.getHostConfig().withPortBindings(
                            new PortBinding(Ports.Binding.bindPort(port), new ExposedPort(5432))));
            container.start();
        }

        @Override
        String password() {
            return "postgres";
        }

        @Override
        public void stop() {
            DockerClientFactory.instance().client().stopContainerCmd(container.getContainerId()).withTimeout(10).exec();
        }

        @Override
        public void start() {
            DockerClientFactory.instance().client().startContainerCmd(container.getContainerId()).exec();
            awaitAccepting();
        }

        @Override
        public void close() {
            container.stop();
        }
    }

    /** Whether something listens on the port: for a test to see that the server is really down. */
    public boolean accepting() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
