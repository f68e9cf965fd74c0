package org.customersegmentation.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
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
        try (PGCopyInputStream in = new PGCopyInputStream(connection.unwrap(PGConnection.class), copySql)) {
            BinaryCopyReader reader = new BinaryCopyReader(in);
            rows.read(reader);
            reader.expectEnd();
        } catch (SQLException e) {
            throw CopyFailures.translate(e);
        } catch (IOException e) {
            throw CopyFailures.translate(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
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
