package org.customersegmentation.postgres;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.postgresql.copy.PGCopyInputStream;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Bulk reads and writes through PostgreSQL's COPY protocol, on the connection of the caller's transaction, so a COPY
 * commits or rolls back with everything else the transaction wrote.
 */
@Component
public class PostgresCopy {

    private final DataSource dataSource;

    PostgresCopy(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code COPY table (columns) FROM STDIN (FORMAT binary)} and lets {@code rows} write the rows, their
     * fields of the columns' types: the fastest way to store millions of numbers.
     */
    public long copyInBinary(String copySql, BinaryRowsWriter rows) {
        try (CopySession session = open(copySql)) {
            BinaryCopyWriter writer = new BinaryCopyWriter(session.stream());
            rows.write(writer);
            writer.finish();
            return session.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a COPY whose rows the caller writes as they arrive; close the session in a finally block. */
    public CopySession open(String copySql) {
        return new CopySession(dataSource, copySql);
    }

    /**
     * Runs a {@code COPY (query) TO STDOUT (FORMAT binary)} and lets {@code rows} read every row it returns.
     *
     * @param copySql for example {@code COPY (SELECT row_number, customer_id FROM t) TO STDOUT (FORMAT binary)}
     */
    public void copyOut(String copySql, RowsReader rows) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            PGConnection postgres = connection.unwrap(PGConnection.class);
            try (PGCopyInputStream in = new PGCopyInputStream(postgres, copySql)) {
                try {
                    BinaryCopyReader reader = new BinaryCopyReader(in);
                    rows.read(reader);
                    reader.expectEnd();
                } catch (IOException | RuntimeException e) {
                    abandon(postgres, in);
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw CopyFailures.translate(e);
        } catch (IOException e) {
            throw CopyFailures.translate(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Runs a {@code COPY (query) TO STDOUT} in a text format (CSV, say) and writes its rows to {@code out} as the
     * server sends them, so nothing but a buffer is held. When writing fails (whoever reads {@code out} went away)
     * the query is cancelled rather than read to its end, and the write's IOException is thrown; a failure of the
     * database is a DataAccessException.
     */
    public void copyOut(String copySql, OutputStream out) throws IOException {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            PGConnection postgres = connection.unwrap(PGConnection.class);
            CopyOut copy = postgres.getCopyAPI().copyOut(copySql);
            try {
                byte[] row;
                while ((row = copy.readFromCopy()) != null) {
                    out.write(row);
                }
            } catch (IOException e) {
                abandon(postgres, copy);
                throw e;
            }
        } catch (SQLException e) {
            throw CopyFailures.translate(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Ends a COPY TO nobody reads any more. PgJDBC's cancelCopy() does not do for a COPY TO: it leaves the rest of
     * the output unread on the connection, where the next statement of whoever borrows it from the pool reads it
     * as its own answer. A cancel request stops the query on the server instead; reading on to the error it raises
     * (or to the end, when the query finished first) skips only what was already under way and leaves the
     * connection in step.
     */
    private static void abandon(PGConnection postgres, CopyOut copy) {
        if (!copy.isActive()) {
            return; // it ended, with its last row or an error: nothing is left to read
        }
        try {
            postgres.cancelQuery();
            while (copy.readFromCopy() != null) {
                // discarded
            }
        } catch (SQLException expected) {
            // 57014, canceling statement due to user request; the caller's transaction rolls back
        }
    }

    @FunctionalInterface
    public interface RowsReader {
        void read(BinaryCopyReader rows) throws IOException;
    }

    @FunctionalInterface
    public interface BinaryRowsWriter {
        void write(BinaryCopyWriter rows) throws IOException;
    }
}
