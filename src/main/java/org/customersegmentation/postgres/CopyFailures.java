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

    /** Connection exceptions (class 08) and an administrator's shutdown or termination (57P0x) are the connection's. */
    public static DataAccessException translate(SQLException e) {
        String state = e.getSQLState();
        if (state == null || state.startsWith("08") || state.startsWith("57P0")) {
            return new DataAccessResourceFailureException("The database connection failed during a COPY.", e);
        }
        return new UncategorizedSQLException("COPY", null, e);
    }
}
