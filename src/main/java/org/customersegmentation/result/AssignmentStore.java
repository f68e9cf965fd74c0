package org.customersegmentation.result;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.customersegmentation.postgres.PostgresCopy;
import org.customersegmentation.postgres.SpreadsheetSafe;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The customers' assignments as callers read them: a page, one customer, or every row streamed in dataset order.
 * Each carries its segment's key and current name, each looked up in an array of the job's names that PostgreSQL builds once
 * per query (an InitPlan): a join would let the planner hash and then sort a million rows it can read in order.
 */
@Repository
class AssignmentStore {

    private static final int FETCH_SIZE = 1000;
    private static final String NAME = "((SELECT array_agg(%s ORDER BY segment) FROM segment WHERE job_id = %s))"
            + "[a.segment + 1]";
    private static final String COLUMNS = "a.row_number, a.customer_id, a.segment, " + NAME.formatted("key", "?")
            + ", " + NAME.formatted("coalesce(custom_name, label)", "?") + ", a.distance";
    private static final RowMapper<Assignment> ASSIGNMENT = (rs, i) -> new Assignment(rs.getInt(1), rs.getString(2),
            rs.getInt(3), rs.getString(4), rs.getString(5), rs.getDouble(6));

    private final JdbcTemplate jdbc;
    private final PostgresCopy copy;

    AssignmentStore(JdbcTemplate jdbc, PostgresCopy copy) {
        this.jdbc = jdbc;
        this.copy = copy;
    }

    /** The number of segments, numbered 0 to this minus one. */
    int segmentCount(UUID jobId) {
        return jdbc.queryForObject("SELECT count(*) FROM segment WHERE job_id = ?", Integer.class, jobId);
    }

    /** The segmented customers' mean distance to their segment's centre; 0 when there are none. */
    double meanDistance(UUID jobId) {
        Double mean = jdbc.queryForObject("SELECT avg(distance) FROM segment_assignment WHERE job_id = ?", Double.class,
                jobId);
        return mean == null ? 0 : mean;
    }

    /** @param segments only these segments, or all when null */
    List<Assignment> page(UUID jobId, int[] segments, long offset, int limit) {
        return segments == null
                ? jdbc.query("SELECT " + COLUMNS + " FROM segment_assignment a WHERE a.job_id = ? "
                        + "ORDER BY a.row_number LIMIT ? OFFSET ?", ASSIGNMENT, jobId, jobId, jobId, limit, offset)
                : jdbc.query("SELECT " + COLUMNS + " FROM segment_assignment a WHERE a.job_id = ? "
                        + "AND a.segment = ANY(?) ORDER BY a.row_number LIMIT ? OFFSET ?", ASSIGNMENT, jobId, jobId,
                        jobId, segments, limit, offset);
    }

    long count(UUID jobId, int[] segments) {
        return segments == null
                ? jdbc.queryForObject("SELECT count(*) FROM segment_assignment WHERE job_id = ?", Long.class, jobId)
                : jdbc.queryForObject("SELECT count(*) FROM segment_assignment WHERE job_id = ? AND segment = ANY(?)",
                        Long.class, jobId, segments);
    }

    /** By the primary key; empty for a customer the job left out (missingValues DROP_ROWS). */
    Optional<Assignment> find(UUID jobId, int rowNumber) {
        return jdbc.query("SELECT " + COLUMNS + " FROM segment_assignment a WHERE a.job_id = ? AND a.row_number = ?",
                ASSIGNMENT, jobId, jobId, jobId, rowNumber).stream().findFirst();
    }

    /**
     * Writes every assignment as CSV with the header customerId,segment,key,name,distance, straight from PostgreSQL's
     * COPY: its CSV quoting is RFC 4180's and its float8 output the shortest that reads back exactly. Text cells
     * that a spreadsheet would run as a formula get a leading apostrophe (OWASP's advice on CSV injection).
     */
    void writeCsv(UUID jobId, int[] segments, OutputStream out) throws IOException {
        // COPY takes no parameters: the job ID is a UUID and the segments are ints, so neither can inject SQL
        String job = "'" + jobId + "'";
        // keys are S1, S2, ...: nothing a spreadsheet would run
        copy.copyOut("COPY (SELECT " + SpreadsheetSafe.text("a.customer_id") + " AS \"customerId\", a.segment, "
                + NAME.formatted("key", job) + " AS key, "
                + NAME.formatted(SpreadsheetSafe.text("coalesce(custom_name, label)"), job) + " AS name, a.distance "
                + "FROM segment_assignment a WHERE a.job_id = " + job
                + (segments == null ? "" : " AND a.segment IN (" + Arrays.stream(segments).mapToObj(Integer::toString)
                        .collect(Collectors.joining(", ")) + ")")
                + " ORDER BY a.row_number) TO STDOUT (FORMAT csv, HEADER)", out);
    }

    @FunctionalInterface
    interface AssignmentWriter {
        void write(Assignment assignment) throws IOException;
    }

    /**
     * Reads every assignment in dataset order through a cursor, a thousand rows at a time (the caller's transaction
     * keeps it open). When {@code writer} fails the cursor is closed, and the server stops the query with it.
     */
    void forEach(UUID jobId, int[] segments, AssignmentWriter writer) throws IOException {
        try {
            jdbc.query(connection -> {
                PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                        + " FROM segment_assignment a WHERE a.job_id = ?"
                        + (segments == null ? "" : " AND a.segment = ANY(?)") + " ORDER BY a.row_number");
                statement.setFetchSize(FETCH_SIZE);
                statement.setObject(1, jobId);
                statement.setObject(2, jobId);
                statement.setObject(3, jobId);
                if (segments != null) {
                    statement.setArray(4, connection.createArrayOf("integer",
                            Arrays.stream(segments).boxed().toArray()));
                }
                return statement;
            }, rs -> {
                try {
                    writer.write(ASSIGNMENT.mapRow(rs, 0));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
