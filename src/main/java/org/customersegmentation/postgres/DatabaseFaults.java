package org.customersegmentation.postgres;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure of the database connection (lost, refused, terminated by an administrator or a restart, none to
 * be had from the pool, the server out of resources) from a failure of the request. The first is worth retrying
 * and is never the caller's fault. It is recognised by the SQLSTATE class of any SQLException in the cause chain,
 * whatever Spring, Hibernate or the pool wrapped it in: 08 (connection exception), 53 (insufficient resources) and
 * 57 (operator intervention: admin shutdown, crash shutdown, cannot connect now, query cancelled). One more: the
 * pool closes a connection the moment it sees such a state, and a rollback that follows on it (Hibernate's,
 * Bucket4j's) then fails with HikariCP's {@value #HIKARI_CLOSED}, which has no SQLSTATE and hides the first failure.
 */
public final class DatabaseFaults {

    private static final int MAX_DEPTH = 32;
    static final String HIKARI_CLOSED = "Connection is closed";

    private DatabaseFaults() {
    }

    public static boolean isConnectionFault(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException) {
                return true;
            }
            if (cause instanceof SQLException sql && (isConnectionState(sql.getSQLState())
                    || sql.getSQLState() == null && HIKARI_CLOSED.equals(sql.getMessage()))) {
                return true;
            }
        }
        return false;
    }

    static boolean isConnectionState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("53") || sqlState.startsWith("57"));
    }
}
