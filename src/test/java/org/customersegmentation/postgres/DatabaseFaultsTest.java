package org.customersegmentation.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

/** A failure is the connection's by its SQLSTATE class, wherever Spring, Hibernate or the pool wrapped it. */
class DatabaseFaultsTest {

    @Test
    void aConnectionTerminatedByARestartIsAFaultEvenWrappedAsAJpaSystemException() {
        // what a request got when PostgreSQL restarted under it: 57P01 inside Hibernate inside Spring
        SQLException terminated = new SQLException("terminating connection due to administrator command", "57P01");
        JpaSystemException wrapped = new JpaSystemException(new RuntimeException(terminated));

        assertThat(DatabaseFaults.isConnectionFault(wrapped)).isTrue();
    }

    @Test
    void everyStateOfTheConnectionResourceAndOperatorClassesIsAFault() {
        for (String state : new String[] {"08003", "08006", "08001", "57P01", "57P02", "57P03", "57014", "53300", "53100"}) {
            assertThat(DatabaseFaults.isConnectionFault(new RuntimeException(new SQLException("x", state)))).as(state).isTrue();
        }
    }

    @Test
    void theDriversIoFailureAndThePoolsTimeoutAreFaults() {
        assertThat(DatabaseFaults.isConnectionFault(new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE, new IOException("Connection reset")))).isTrue();
        assertThat(DatabaseFaults.isConnectionFault(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("requests - Connection is not available, request timed out after 2500ms"))))
                .isTrue();
        assertThat(DatabaseFaults.isConnectionFault(new JDBCConnectionException("closed", new SQLException("This connection has been closed.", "08003")))).isTrue();
    }

    @Test
    void aRollbackOnAConnectionThePoolHasClosedIsAFault() {
        // HikariCP's closed connection, which a rollback after a terminated connection meets, has no SQLSTATE
        assertThat(DatabaseFaults.isConnectionFault(new RuntimeException(new SQLException("Connection is closed"))))
                .isTrue();
    }

    @Test
    void whatTheRequestOrTheDataGotWrongIsNot() {
        for (String state : new String[] {"23505", "22P02", "42P01", "40001", "XX000"}) {
            assertThat(DatabaseFaults.isConnectionFault(new RuntimeException(new SQLException("x", state)))).as(state).isFalse();
        }
        assertThat(DatabaseFaults.isConnectionFault(new SQLException("no state"))).isFalse();
        assertThat(DatabaseFaults.isConnectionFault(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(DatabaseFaults.isConnectionFault(first)).isFalse();
    }
}
