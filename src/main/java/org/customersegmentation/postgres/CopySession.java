package org.customersegmentation.postgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * One open {@code COPY ... FROM STDIN} on the connection of the caller's transaction. Rows written to
 * {@link #rows()} (or, in binary format, to {@link #stream()}) stream to the server as the buffer fills;
 * {@link #finish()} completes the COPY, and {@link #close()} cancels it when it was not finished, so the server
 * discards what it received.
 */
public final class CopySession implements AutoCloseable {

    private final DataSource dataSource;
    private final Connection connection;
    private final PGCopyOutputStream out;
    private CopyTextWriter rows;

    CopySession(DataSource dataSource, String copySql) {
        this.dataSource = dataSource;
        this.connection = DataSourceUtils.getConnection(dataSource);
        try {
            this.out = new PGCopyOutputStream(connection.unwrap(PGConnection.class), copySql, 1 << 16);
        } catch (SQLException e) {
            DataSourceUtils.releaseConnection(connection, dataSource);
            throw new DataAccessResourceFailureException("COPY failed to start: " + e.getMessage(), e);
        }
    }

    /** Rows in COPY's text format. */
    public CopyTextWriter rows() {
        if (rows == null) {
            rows = new CopyTextWriter(out);
        }
        return rows;
    }

    /** The COPY's raw stream, for a COPY in binary format. */
    PGCopyOutputStream stream() {
        return out;
    }

    /** Sends what is buffered and ends the COPY; returns the number of rows the server stored. */
    public long finish() {
        try {
            if (rows != null) {
                rows.flush();
            }
            return out.endCopy();
        } catch (SQLException e) {
            throw CopyFailures.translate(e);
        } catch (IOException e) {
            throw CopyFailures.translate(e);
        }
    }

    @Override
    public void close() {
        try {
            if (out.isActive()) {
                out.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the surrounding transaction rolls back anyway
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
