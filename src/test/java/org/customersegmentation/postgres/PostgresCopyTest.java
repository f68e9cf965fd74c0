package org.customersegmentation.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.customersegmentation.support.PostgresForTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** COPY in both directions against real PostgreSQL: it commits and rolls back with the transaction around it. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({PostgresForTests.class, PostgresCopy.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class PostgresCopyTest {

    @Autowired
    PostgresCopy copy;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void copiedRowsCommitWithTheTransaction() {
        UUID dataset = UUID.randomUUID();

        long copied = new TransactionTemplate(transactionManager).execute(status -> {
            insertDataset(dataset);
            return copy.copyInBinary(COPY_ROWS, rows -> writeRows(rows, dataset, 3));
        });

        assertThat(copied).isEqualTo(3);
        assertThat(rowsOf(dataset)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT label FROM copy_test_row WHERE dataset_id = ? AND row_number = 2",
                String.class, dataset)).isEqualTo("tab\tand\\backslash 2");
        assertThat(jdbc.queryForObject("SELECT score FROM copy_test_row WHERE dataset_id = ? AND row_number = 2",
                Double.class, dataset)).isEqualTo(2 / 3.0);
    }

    @Test
    void aFailureHalfWayThroughLeavesNeitherRowsNorTheDatasetAndTheConnectionUsable() {
        UUID dataset = UUID.randomUUID();

        assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            insertDataset(dataset);
            copy.copyInBinary(COPY_ROWS, rows -> {
                writeRows(rows, dataset, 1000);
                throw new IOException("client went away");
            });
        })).hasRootCauseMessage("client went away");

        assertThat(rowsOf(dataset)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dataset WHERE id = ?", Long.class, dataset)).isZero();
    }

    @Test
    void rowsComeBackThroughABinaryCopyAsTheyWereWritten() {
        UUID dataset = UUID.randomUUID();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            insertDataset(dataset);
            copy.copyInBinary(COPY_ROWS, rows -> writeRows(rows, dataset, 3));
        });
        List<String> read = new ArrayList<>();

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> copy.copyOut(
                "COPY (SELECT row_number, label, row_number::text, NULL::text FROM copy_test_row WHERE dataset_id = '"
                        + dataset + "' ORDER BY 1) TO STDOUT (FORMAT binary)", rows -> {
                    while (rows.nextRow()) {
                        read.add(rows.nextInt() + "|" + rows.nextText() + "|" + rows.nextTextAsNumber() + "|"
                                + rows.nextText());
                    }
                }));

        assertThat(read).containsExactly("1|tab\tand\\backslash 1|1.0|null", "2|tab\tand\\backslash 2|2.0|null",
                "3|tab\tand\\backslash 3|3.0|null");
        assertThat(jdbc.queryForObject("SELECT 1", Integer.class)).isEqualTo(1);
    }

    /** 200,000 rows of some 100 bytes: far more than the socket buffers hold when the reader stops. */
    static final String MANY_ROWS = "COPY (SELECT g, repeat('x', 100) FROM generate_series(1, 200000) g) TO STDOUT";

    @Test
    void aCopyToWhoseReaderLeavesIsCancelledAndTheConnectionStaysInStep() {
        OutputStream leaves = new OutputStream() {
            private long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                written += length;
                if (written > 64 * 1024) {
                    throw new IOException("client went away");
                }
            }
        };

        assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            try {
                copy.copyOut(MANY_ROWS, leaves);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        })).hasRootCauseMessage("client went away");

        assertConnectionsAnswerTheirOwnQueries();
    }

    @Test
    void aBinaryCopyToWhoseReaderFailsIsCancelledAndTheConnectionStaysInStep() {
        assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status ->
                copy.copyOut("COPY (SELECT g, repeat('x', 100) FROM generate_series(1, 200000) g) TO STDOUT "
                        + "(FORMAT binary)", rows -> {
                    rows.nextRow();
                    throw new IOException("reader failed");
                }))).hasRootCauseMessage("reader failed");

        assertConnectionsAnswerTheirOwnQueries();
    }

    /** The pool hands this thread the connection it had last; a COPY's leftovers would be read as an answer. */
    private void assertConnectionsAnswerTheirOwnQueries() {
        for (int i = 0; i < 20; i++) {
            assertThat(jdbc.queryForObject("SELECT ?::int", Integer.class, i)).isEqualTo(i);
            String answer = new TransactionTemplate(transactionManager).execute(status ->
                    jdbc.queryForObject("SELECT 'in step'", String.class));
            assertThat(answer).isEqualTo("in step");
        }
    }

    static final String COPY_ROWS = "COPY copy_test_row (dataset_id, row_number, label, score) FROM STDIN (FORMAT binary)";

    @BeforeEach
    void createTable() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS copy_test_row (dataset_id uuid NOT NULL, row_number integer NOT NULL, "
                + "label text NOT NULL, score double precision NOT NULL)");
    }

    private void insertDataset(UUID id) {
        jdbc.update("INSERT INTO dataset (id, tenant_id, name, row_count, created_at, row_layout) VALUES (?, 'copy-test', 'copy', 0, now(), 'COLUMNS')", id);
    }

    private static void writeRows(BinaryCopyWriter rows, UUID dataset, int count) throws IOException {
        for (int i = 1; i <= count; i++) {
            rows.row(4).uuid(dataset).integer(i).text("tab\tand\\backslash " + i).float8(i / 3.0);
        }
    }

    private long rowsOf(UUID dataset) {
        return jdbc.queryForObject("SELECT count(*) FROM copy_test_row WHERE dataset_id = ?", Long.class, dataset);
    }
}
