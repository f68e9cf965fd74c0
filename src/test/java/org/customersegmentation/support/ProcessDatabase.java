package org.customersegmentation.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The database that service processes started by tests share: a Testcontainers container when a Docker engine is
 * available, otherwise the one SPRING_DATASOURCE_URL names (as for {@link PostgresForTests}); never none.
 */
public record ProcessDatabase(String url, String username, String password) {

    private static ProcessDatabase shared;

    public static synchronized ProcessDatabase shared() {
        if (shared == null) {
            shared = DockerClientFactory.instance().isDockerAvailable() ? container() : fromEnvironment();
        }
        return shared;
    }

    private static ProcessDatabase container() {
        PostgreSQLContainer container = new PostgreSQLContainer(PostgresForTests.IMAGE);
        container.start();
        return new ProcessDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    private static ProcessDatabase fromEnvironment() {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("These tests start the service as separate processes and need PostgreSQL: "
                    + "start a Docker engine, or point SPRING_DATASOURCE_URL (with SPRING_DATASOURCE_USERNAME and "
                    + "SPRING_DATASOURCE_PASSWORD) at a database.");
        }
        return new ProcessDatabase(url, orEmpty(System.getenv("SPRING_DATASOURCE_USERNAME")),
                orEmpty(System.getenv("SPRING_DATASOURCE_PASSWORD")));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /**
     * A new, empty database on the same server, for a test whose service processes must meet no one else's jobs.
     * It is dropped first if an earlier run left it.
     */
    public ProcessDatabase fresh(String name) {
        try (Connection connection = DriverManager.getConnection(url, username, password);
             var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new ProcessDatabase(url.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name), username, password);
    }

    /** The single number a query answers, e.g. a count. */
    public long number(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(url, username, password);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
