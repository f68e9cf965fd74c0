package org.customersegmentation.storage;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Bulk writes through PostgreSQL's COPY protocol, on the connection of the caller's transaction, so a COPY
 * commits or rolls back with everything else the transaction wrote.
 */
@Component
public class PostgresCopy {

    private final DataSource dataSource;

    PostgresCopy(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code COPY table (columns) FROM STDIN} in text format and lets {@code rows} write the lines.
     *
     * @param copySql for example {@code COPY segment_assignment (job_id, row_number) FROM STDIN}
     */
    public long copyIn(String copySql, RowsWriter rows) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        PGCopyOutputStream out = null;
        try {
            out = new PGCopyOutputStream(connection.unwrap(PGConnection.class), copySql, 1 << 16);
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            rows.write(new CopyTextWriter(writer));
            writer.flush();
            return out.endCopy();
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("COPY failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            cancelIfUnfinished(out);
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void cancelIfUnfinished(PGCopyOutputStream out) {
        if (out != null && out.isActive()) {
            try {
                out.cancelCopy();
            } catch (SQLException ignored) {
                // the surrounding transaction rolls back anyway
            }
        }
    }

    @FunctionalInterface
    public interface RowsWriter {
        void write(CopyTextWriter rows) throws IOException;
    }
}
