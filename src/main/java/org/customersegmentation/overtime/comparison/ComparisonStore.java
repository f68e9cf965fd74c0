package org.customersegmentation.overtime.comparison;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.customersegmentation.postgres.PostgresCopy;
import org.customersegmentation.postgres.SpreadsheetSafe;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Two jobs' stored assignments joined by customer ID, in PostgreSQL: the contingency table of their segments, and
 * the customers whose key changed. Customer IDs are unique within a dataset, so each customer joins at most once.
 */
@Repository
class ComparisonStore {

    private static final int FETCH_SIZE = 1000;
    /** A job's keys or names by segment, built once per query (an InitPlan) and subscripted per row. */
    private static final String BY_SEGMENT = "((SELECT array_agg(%s ORDER BY segment) FROM segment WHERE job_id = %s))"
            + "[%s.segment + 1]";

    /** A segment as the comparison names it, with the customers it holds. */
    record StoredSegment(int segment, String key, String name, long size) {

        Comparison.SegmentRef ref() {
            return new Comparison.SegmentRef(segment, key, name);
        }
    }

    private final JdbcTemplate jdbc;
    private final PostgresCopy copy;

    ComparisonStore(JdbcTemplate jdbc, PostgresCopy copy) {
        this.jdbc = jdbc;
        this.copy = copy;
    }

    List<StoredSegment> segments(UUID jobId) {
        return jdbc.query("SELECT segment, key, coalesce(custom_name, label), size FROM segment WHERE job_id = ? "
                + "ORDER BY segment", (rs, i) -> new StoredSegment(rs.getInt(1), rs.getString(2), rs.getString(3),
                rs.getLong(4)), jobId);
    }

    /**
     * For the rest of the caller's transaction: join the two jobs' rows by hashing one of them. Right after a job
     * nothing has analyzed its rows, and the planner then sorts both sides by customer ID for a merge join, which
     * took twice as long for a million customers (text sorts by collation); a nested loop would be far worse.
     */
    void preferHashJoins() {
        jdbc.execute("SET LOCAL enable_mergejoin = off");
        jdbc.execute("SET LOCAL enable_nestloop = off");
    }

    /** counts[i][j]: the customers in segment i of {@code otherJob} and segment j of {@code thisJob}. */
    long[][] contingency(UUID thisJob, UUID otherJob, int otherSegments, int thisSegments) {
        long[][] counts = new long[otherSegments][thisSegments];
        jdbc.query("SELECT o.segment, t.segment, count(*) FROM segment_assignment t "
                + "JOIN segment_assignment o ON o.customer_id = t.customer_id AND o.job_id = ? "
                + "WHERE t.job_id = ? GROUP BY o.segment, t.segment", rs -> {
                    counts[rs.getInt(1)][rs.getInt(2)] = rs.getLong(3);
                }, otherJob, thisJob);
        return counts;
    }

    /**
     * Writes the movers as CSV with the header customerId,fromKey,fromName,toKey,toName, straight from COPY (as
     * the assignment export does, text cells a spreadsheet would run get a leading apostrophe).
     *
     * @param fromSegment only those who were in this segment of {@code otherJob}; all when null
     * @param toSegment   only those who are in this segment of {@code thisJob}; all when null
     */
    void writeCsv(UUID thisJob, UUID otherJob, Integer fromSegment, Integer toSegment, OutputStream out)
            throws IOException {
        copy.copyOut("COPY (" + movers(thisJob, otherJob, fromSegment, toSegment, true)
                + ") TO STDOUT (FORMAT csv, HEADER)", out);
    }

    @FunctionalInterface
    interface MoverWriter {
        void write(Mover mover) throws IOException;
    }

    /** As {@link #writeCsv}, each mover handed to {@code writer}, read through a cursor in the caller's transaction. */
    void forEach(UUID thisJob, UUID otherJob, Integer fromSegment, Integer toSegment, MoverWriter writer)
            throws IOException {
        String sql = movers(thisJob, otherJob, fromSegment, toSegment, false);
        try {
            jdbc.query(connection -> {
                var statement = connection.prepareStatement(sql);
                statement.setFetchSize(FETCH_SIZE);
                return statement;
            }, rs -> {
                try {
                    writer.write(new Mover(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * The common customers whose key differs, in this job's row order. The SQL holds its values as literals, since
     * COPY takes no parameters: job IDs are UUIDs and segments ints, so none can inject SQL.
     */
    private static String movers(UUID thisJob, UUID otherJob, Integer fromSegment, Integer toSegment, boolean safe) {
        String thisId = "'" + thisJob + "'";
        String otherId = "'" + otherJob + "'";
        String fromKey = BY_SEGMENT.formatted("key", otherId, "o");
        String toKey = BY_SEGMENT.formatted("key", thisId, "t");
        return "SELECT " + cell("t.customer_id", safe) + " AS \"customerId\", "
                + cell(fromKey, safe) + " AS \"fromKey\", "
                + cell(BY_SEGMENT.formatted("coalesce(custom_name, label)", otherId, "o"), safe) + " AS \"fromName\", "
                + cell(toKey, safe) + " AS \"toKey\", "
                + cell(BY_SEGMENT.formatted("coalesce(custom_name, label)", thisId, "t"), safe) + " AS \"toName\" "
                + "FROM segment_assignment t JOIN segment_assignment o ON o.customer_id = t.customer_id "
                + "AND o.job_id = " + otherId + " WHERE t.job_id = " + thisId + " AND " + fromKey + " <> " + toKey
                + (fromSegment == null ? "" : " AND o.segment = " + fromSegment)
                + (toSegment == null ? "" : " AND t.segment = " + toSegment)
                + " ORDER BY t.row_number";
    }

    /** In the CSV, a text cell a spreadsheet would run gets an apostrophe in front. */
    private static String cell(String text, boolean safe) {
        return safe ? SpreadsheetSafe.text(text) : text;
    }
}
