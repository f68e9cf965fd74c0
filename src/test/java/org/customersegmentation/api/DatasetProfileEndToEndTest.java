package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The profile of the credit-card customers dataset (8,950 customers, 17 numeric columns), checked against
 * figures that the service did not compute: the dataset's known facts, and PostgreSQL's own aggregates
 * (avg, stddev_samp, percentile_cont, corr, width_bucket) over the same file loaded into a plain table.
 */
@EndToEndTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatasetProfileEndToEndTest {

    private static final String ORACLE = "profile_oracle_cc_general";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    JsonNode profile;
    List<String> numericColumns;

    @BeforeAll
    void uploadAndLoadTheOracle() throws IOException {
        byte[] csv = resource("/datasets/cc-general.csv");
        ApiClient acme = new ApiClient(port, Tenants.ACME_KEY);
        String id = acme.uploadDataset("cc-general", new String(csv, StandardCharsets.UTF_8));
        ApiClient.Response response = acme.get("/api/v1/datasets/" + id + "/profile");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        profile = response.json();

        String header = new String(csv, StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        List<String> columns = List.of(header.split(","));
        numericColumns = columns.subList(1, columns.size());
        jdbc.execute("DROP TABLE IF EXISTS " + ORACLE);
        jdbc.execute("CREATE TABLE " + ORACLE + " (" + columns.getFirst() + " text, "
                + numericColumns.stream().map(c -> c + " double precision").collect(Collectors.joining(", ")) + ")");
        jdbc.execute((Connection connection) -> {
            try (InputStream in = getClass().getResourceAsStream("/datasets/cc-general.csv")) {
                return connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY " + ORACLE + " FROM STDIN WITH (FORMAT csv, HEADER true)", in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @AfterAll
    void dropTheOracle() {
        jdbc.execute("DROP TABLE IF EXISTS " + ORACLE);
    }

    @Test
    void theKnownFactsOfTheDatasetHold() {
        assertThat(profile.get("rowCount").asInt()).isEqualTo(8950);
        assertThat(profile.get("columns")).hasSize(17);
        assertThat(profile.get("columns").valueStream().map(c -> c.get("type").asString())).containsOnly("NUMERIC");
        assertThat(column("MINIMUM_PAYMENTS").get("missing").asLong()).isEqualTo(313);
        assertThat(column("MINIMUM_PAYMENTS").get("count").asLong()).isEqualTo(8950 - 313);
        assertThat(column("CREDIT_LIMIT").get("missing").asLong()).isEqualTo(1);
        assertThat(column("BALANCE").get("missing").asLong()).isZero();
    }

    @Test
    void eachNumericSummaryMatchesPostgresAggregates() {
        for (String name : numericColumns) {
            Map<String, Object> expected = jdbc.queryForMap("SELECT count(" + name + ") AS count, avg(" + name + ") AS mean, "
                    + "stddev_samp(" + name + ") AS std, min(" + name + ") AS min, max(" + name + ") AS max, "
                    + "percentile_cont(0.25) WITHIN GROUP (ORDER BY " + name + ") AS p25, "
                    + "percentile_cont(0.5) WITHIN GROUP (ORDER BY " + name + ") AS median, "
                    + "percentile_cont(0.75) WITHIN GROUP (ORDER BY " + name + ") AS p75 FROM " + ORACLE);
            JsonNode numeric = column(name).get("numeric");
            assertThat(column(name).get("count").asLong()).as(name).isEqualTo(((Number) expected.get("count")).longValue());
            for (String statistic : List.of("mean", "std", "min", "max", "p25", "median", "p75")) {
                double want = ((Number) expected.get(statistic)).doubleValue();
                assertThat(numeric.get(statistic).asDouble()).as(name + " " + statistic)
                        .isCloseTo(want, within(1e-9 * Math.max(1, Math.abs(want))));
            }
        }
    }

    @Test
    void skewnessIsTheAdjustedFisherPearsonCoefficient() {
        for (String name : numericColumns) {
            double expected = jdbc.queryForObject("WITH m AS (SELECT count(" + name + ") AS n, avg(" + name + ") AS mean FROM "
                    + ORACLE + "), s AS (SELECT sum(power(" + name + " - m.mean, 2)) / m.n AS m2, sum(power(" + name
                    + " - m.mean, 3)) / m.n AS m3, m.n FROM " + ORACLE + ", m WHERE " + name + " IS NOT NULL GROUP BY m.n) "
                    + "SELECT m3 / power(m2, 1.5) * sqrt(n * (n - 1.0)) / (n - 2) FROM s", Double.class);
            assertThat(column(name).get("numeric").get("skewness").asDouble()).as(name)
                    .isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
        }
    }

    @Test
    void histogramsHaveTwentyEqualBinsFromMinToMaxThatCountEveryValueOnce() {
        for (String name : numericColumns) {
            JsonNode numeric = column(name).get("numeric");
            JsonNode edges = numeric.get("histogram").get("edges");
            JsonNode counts = numeric.get("histogram").get("counts");
            double min = numeric.get("min").asDouble();
            double max = numeric.get("max").asDouble();
            assertThat(edges).as(name).hasSize(21);
            assertThat(counts).as(name).hasSize(20);
            assertThat(edges.get(0).asDouble()).as(name).isEqualTo(min);
            assertThat(edges.get(20).asDouble()).as(name).isEqualTo(max);
            long total = 0;
            for (int bin = 0; bin < 20; bin++) {
                double from = edges.get(bin).asDouble();
                double to = edges.get(bin + 1).asDouble();
                assertThat(to - from).as(name + " width of bin " + bin).isCloseTo((max - min) / 20, within(1e-9 * (max - min)));
                long expected = jdbc.queryForObject("SELECT count(*) FROM " + ORACLE + " WHERE " + name + " >= ? AND ("
                        + name + " < ? OR (? AND " + name + " = ?))", Long.class, from, to, bin == 19, to);
                assertThat(counts.get(bin).asLong()).as(name + " bin " + bin).isEqualTo(expected);
                total += expected;
            }
            assertThat(total).as(name).isEqualTo(column(name).get("count").asLong());
        }
    }

    @Test
    void correlationsArePairwiseCompletePearsonAsPostgresComputesThem() {
        JsonNode correlation = profile.get("correlation");
        assertThat(correlation.get("columns").valueStream().map(JsonNode::asString).toList()).isEqualTo(numericColumns);
        for (int i = 0; i < numericColumns.size(); i++) {
            for (int j = 0; j < numericColumns.size(); j++) {
                double expected = jdbc.queryForObject("SELECT corr(" + numericColumns.get(i) + ", " + numericColumns.get(j)
                        + ") FROM " + ORACLE, Double.class);
                assertThat(correlation.get("matrix").get(i).get(j).asDouble())
                        .as(numericColumns.get(i) + " x " + numericColumns.get(j)).isCloseTo(expected, within(1e-9));
            }
        }
    }

    private JsonNode column(String name) {
        return profile.get("columns").valueStream().filter(c -> c.get("name").asString().equals(name)).findFirst().orElseThrow();
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = DatasetProfileEndToEndTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }
}
