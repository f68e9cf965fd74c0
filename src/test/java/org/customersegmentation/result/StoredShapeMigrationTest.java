package org.customersegmentation.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.customersegmentation.support.ProcessDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * V20 brings rows stored by development builds to the one shape the code reads: rows as V19 left them go in, and
 * what comes out is checked against what the test wrote, in a database of its own.
 */
class StoredShapeMigrationTest {

    static final UUID PROFILED = UUID.fromString("00000000-0000-0000-0000-00000000d001");
    static final UUID UNPROFILED = UUID.fromString("00000000-0000-0000-0000-00000000d002");
    static final UUID NUMERIC_ONLY = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    static final UUID WITHOUT_MODEL = UUID.fromString("00000000-0000-0000-0000-00000000a002");
    static final UUID ON_UNPROFILED = UUID.fromString("00000000-0000-0000-0000-00000000a003");

    final ProcessDatabase server = ProcessDatabase.shared();
    final String name = "migration_" + UUID.randomUUID().toString().replace("-", "");
    String url;
    SingleConnectionDataSource dataSource;
    JdbcTemplate jdbc;

    @BeforeEach
    void createDatabase() throws SQLException {
        admin("CREATE DATABASE " + name);
        url = server.url().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        dataSource = new SingleConnectionDataSource(url, server.username(), server.password(), true);
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        dataSource.destroy();
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    @Test
    void oldRowsAreConvertedWhereTheyCanBeAndRemovedWhereTheyCannot() {
        migrate("19");
        dataset(PROFILED, true);
        dataset(UNPROFILED, false);
        job(NUMERIC_ONLY, PROFILED, "{\"features\": [\"age\", \"income\"], \"centroids\": [[0, 0], [1, 1]]}");
        features(NUMERIC_ONLY, "income", "age"); // segment_feature's order (by position) is the request's
        job(WITHOUT_MODEL, PROFILED, null);
        job(ON_UNPROFILED, UNPROFILED, "{\"features\": [\"age\"], \"oneHot\": []}");

        migrate(null);

        assertThat(jdbc.queryForObject("SELECT array_to_string(features, ',') FROM segmentation_result WHERE job_id = ?",
                String.class, NUMERIC_ONLY)).isEqualTo("income,age");
        assertThat(jdbc.queryForObject("SELECT model -> 'oneHot' FROM segmentation_result WHERE job_id = ?",
                String.class, NUMERIC_ONLY)).isEqualTo("[]");
        assertThat(jdbc.queryForObject("SELECT model -> 'centroids' FROM segmentation_result WHERE job_id = ?",
                String.class, NUMERIC_ONLY)).isEqualTo("[[0, 0], [1, 1]]");
        assertThat(jdbc.queryForList("SELECT id FROM segmentation_job ORDER BY id", UUID.class))
                .containsExactly(NUMERIC_ONLY);
        assertThat(jdbc.queryForList("SELECT id FROM dataset", UUID.class)).containsExactly(PROFILED);
        assertThat(jdbc.queryForList("SELECT tablename FROM pg_tables WHERE tablename LIKE 'dataset_rows_%'",
                String.class)).containsExactly(rowTable(PROFILED));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM segment WHERE job_id = ?", Long.class, WITHOUT_MODEL))
                .isZero();
    }

    @Test
    void storedTraitNamesBecomeTraitsWithTheirZScoresAndValues() {
        migrate("21");
        dataset(PROFILED, true);
        succeededJob(NUMERIC_ONLY, PROFILED);
        jdbc.update("INSERT INTO segmentation_result (job_id, inertia, features, model) VALUES (?, 1.5, "
                + "'{income,region}', '{}'::jsonb)", NUMERIC_ONLY);
        jdbc.update("INSERT INTO segment (job_id, segment, size, share, label, distinguishing) VALUES "
                + "(?, 0, 1, 0.5, 'High income', '{income,region=west,gone}'), (?, 1, 1, 0.5, 'Typical customers', '{}')",
                NUMERIC_ONLY, NUMERIC_ONLY);
        jdbc.update("INSERT INTO segment_feature (job_id, segment, position, feature, centroid, mean, z_score) "
                + "VALUES (?, 0, 0, 'income', 75, 80, 1.5)", NUMERIC_ONLY);
        jdbc.update("INSERT INTO segment_category (job_id, segment, position, feature, value_position, value, share, lift) "
                + "VALUES (?, 0, 0, 'region', 0, 'west', 0.6, 2)", NUMERIC_ONLY);

        migrate(null);

        // west: 0.6 among the members, 0.6 / 2 = 0.3 among all; (0.6 - 0.3) / sqrt(0.3 * 0.7) = 0.6547
        assertThat(jdbc.queryForObject("SELECT traits::text FROM segment WHERE job_id = ? AND segment = 0", String.class,
                NUMERIC_ONLY)).isEqualTo("[{\"value\": null, \"zScore\": 1.5, \"feature\": \"income\", "
                + "\"overallValue\": null, \"segmentValue\": 80}, {\"value\": \"west\", \"zScore\": 0.6546536707079771, "
                + "\"feature\": \"region\", \"overallValue\": 0.3, \"segmentValue\": 0.6}]");
        assertThat(jdbc.queryForObject("SELECT traits::text FROM segment WHERE job_id = ? AND segment = 1", String.class,
                NUMERIC_ONLY)).isEqualTo("[]");
        assertThat(jdbc.queryForList("SELECT summary FROM segment WHERE job_id = ?", String.class, NUMERIC_ONLY))
                .containsOnlyNulls();
    }

    private void migrate(String target) {
        var configuration = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        (target == null ? configuration : configuration.target(target)).load().migrate();
    }

    private void dataset(UUID id, boolean profiled) {
        jdbc.update("INSERT INTO dataset (id, tenant_id, name, row_count, created_at, row_layout) "
                + "VALUES (?, 'acme', 'old', 2, now(), 'ARRAY')", id);
        jdbc.execute("CREATE TABLE " + rowTable(id) + " (row_number integer NOT NULL, line bigint NOT NULL, "
                + "customer_id text NOT NULL, v text[])");
        if (profiled) {
            jdbc.update("INSERT INTO dataset_profile (dataset_id, profile) VALUES (?, '{}'::jsonb)", id);
        }
    }

    private void job(UUID id, UUID datasetId, String model) {
        succeededJob(id, datasetId);
        jdbc.update("INSERT INTO segmentation_result (job_id, inertia, model) VALUES (?, 1.5, ?::jsonb)", id, model);
        // segments got their traits (V6) before results got their model (V9)
        String traits = model == null ? "null" : "'{}'";
        jdbc.update("INSERT INTO segment (job_id, segment, size, share, distinguishing) VALUES (?, 0, 1, 0.5, "
                + traits + "), (?, 1, 1, 0.5, " + traits + ")", id, id);
    }

    private void succeededJob(UUID id, UUID datasetId) {
        jdbc.update("INSERT INTO segmentation_job (id, tenant_id, dataset_id, status, k, features, seed, restarts, "
                + "attempt, created_at, scaling, log_transform, missing_values, max_iterations, tolerance) "
                + "VALUES (?, 'acme', ?, 'SUCCEEDED', 2, '{age,income}', 1, 1, 1, now(), 'STANDARD', '{}', 'MEDIAN', "
                + "100, 0.0001)", id, datasetId);
    }

    private void features(UUID jobId, String... names) {
        for (int segment = 0; segment < 2; segment++) {
            for (int position = 0; position < names.length; position++) {
                jdbc.update("INSERT INTO segment_feature (job_id, segment, position, feature, centroid) "
                        + "VALUES (?, ?, ?, ?, 0)", jobId, segment, position, names[position]);
            }
        }
    }

    private static String rowTable(UUID datasetId) {
        return "dataset_rows_" + datasetId.toString().replace("-", "");
    }

    private void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.url(), server.username(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
