package org.customersegmentation.support;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL's own locks, held by a test on connections of its own, to stop the service at a point the test knows;
 * and the statements that wait for them, as pg_stat_activity shows them. Closing a connection releases its lock.
 */
public final class DatabaseLocks {

    private static final String WAITING = "FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE ?";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    public DatabaseLocks(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** @param strength e.g. {@code FOR UPDATE}, or {@code FOR NO KEY UPDATE}, which a foreign key check passes */
    public Connection lockRow(String table, String id, String strength) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement("SELECT 1 FROM " + table + " WHERE id = ? " + strength)) {
            lock.setObject(1, UUID.fromString(id));
            lock.executeQuery().close();
        }
        return connection;
    }

    /** Holds a dataset's customers: a job claimed meanwhile waits before it reads them. */
    public Connection lockCustomers(String datasetId) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        connection.createStatement().execute("LOCK TABLE dataset_rows_" + datasetId.replace("-", "")
                + " IN ACCESS EXCLUSIVE MODE");
        return connection;
    }

    /** Until exactly one statement like this one (an SQL LIKE pattern) waits for a lock. */
    public void awaitWaiting(String statement) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                .until(() -> jdbc.queryForObject("SELECT count(*) " + WAITING, Long.class, statement) == 1);
    }

    /** Ends the connection of the one statement like this one that waits for a lock, as a restart would. */
    public long terminateWaiting(String statement) {
        awaitWaiting(statement);
        return jdbc.queryForObject("SELECT count(pg_terminate_backend(pid)) " + WAITING, Long.class, statement);
    }
}
