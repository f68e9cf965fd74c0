package org.customersegmentation.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
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
        try (CopySession session = open(copySql)) {
            rows.write(session.rows());
            return session.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a COPY whose rows the caller writes as they arrive; close the session in a finally block. */
    public CopySession open(String copySql) {
        return new CopySession(dataSource, copySql);
    }

    @FunctionalInterface
    public interface RowsWriter {
        void write(CopyTextWriter rows) throws IOException;
    }
}
