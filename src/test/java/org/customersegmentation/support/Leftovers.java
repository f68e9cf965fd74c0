package org.customersegmentation.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an upload stores: datasets, their columns and profiles, and the per-dataset row tables. A rejected or
 * failed upload must leave all four as they were.
 */
public record Leftovers(long datasets, long columns, long profiles, long rowTables) {

    public static Leftovers in(JdbcTemplate jdbc) {
        return new Leftovers(count(jdbc, "SELECT count(*) FROM dataset"), count(jdbc, "SELECT count(*) FROM dataset_column"),
                count(jdbc, "SELECT count(*) FROM dataset_profile"),
                count(jdbc, "SELECT count(*) FROM pg_tables WHERE tablename LIKE 'dataset\\_rows\\_%'"));
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
