package org.customersegmentation.postgres;

import java.io.IOException;
import java.sql.SQLException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.UncategorizedSQLException;

/**
 * Tells a lost connection (worth retrying) from a COPY the server refused (not worth it) when a COPY fails
 * mid-stream. PgJDBC reports both as an IOException around, at most, an SQLException.
 */
public final class CopyFailures {

    private CopyFailures() {
    }

    public static DataAccessException translate(IOException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return translate(sql);
            }
        }
        return new DataAccessResourceFailureException("The database connection failed during a COPY.", e);
    }

    /** A state the connection's failure explains (see {@link DatabaseFaults}), or none at all, is the connection's. */
    public static DataAccessException translate(SQLException e) {
        String state = e.getSQLState();
        if (state == null || DatabaseFaults.isConnectionState(state)) {
            return new DataAccessResourceFailureException("The database connection failed during a COPY.", e);
        }
        return new UncategorizedSQLException("COPY", null, e);
    }
}
