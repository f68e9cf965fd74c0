package org.customersegmentation.dataset.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.customersegmentation.dataset.CustomerFeatures;
import org.customersegmentation.dataset.Datasets;
import org.customersegmentation.dataset.ingest.DatasetIngestion;
import org.customersegmentation.dataset.ingest.Upload;
import org.customersegmentation.dataset.ingest.UploadFormat;
import org.customersegmentation.dataset.profile.ProfileStore;
import org.customersegmentation.limits.TenantLimits;
import org.customersegmentation.postgres.PostgresCopy;
import org.customersegmentation.security.Tenant;
import org.customersegmentation.support.Leftovers;
import org.customersegmentation.support.PostgresForTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uploads streamed into real PostgreSQL: values round-trip exactly, tenants stay apart, and a fault half-way
 * through (a broken body, a database connection killed mid-COPY) leaves no dataset, no rows and no row table.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ImportAutoConfiguration(JacksonAutoConfiguration.class)
@Import({PostgresForTests.class, PostgresCopy.class, RowTable.class, ProfileStore.class, DatasetIngestion.class,
        Datasets.class, DatasetService.class, TenantLimits.class, DatasetStorageTest.FixedClock.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class DatasetStorageTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
        }
    }

    @Autowired
    DatasetService service;

    @Autowired
    DatasetRepository repository;

    @Autowired
    Datasets datasets;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void valuesGoInByCopyAsSentAndNumbersComeBackByColumn() {
        UUID id = upload("acme", "id,age,note,income,score\n"
                + "\"tab\tand \"\"quotes\"\"\",34,\"a,b\\c\",52000.5,1\n"
                + "NULL-ish,,\"line\nbreak\",61000,NA\n"
                + "x,51,,,3\n");

        CustomerFeatures features = datasets.features(id, List.of("score", "age"));

        assertThat(features.numeric()).containsExactly("score", "age");
        assertThat(Arrays.deepToString(features.values())).isEqualTo("[[1.0, 34.0], [NaN, NaN], [3.0, 51.0]]");
        assertThat(features.customerIds()).containsExactly("tab\tand \"quotes\"", "NULL-ish", "x");
        String table = RowTable.name(id);
        assertThat(jdbc.queryForList("SELECT c2 FROM " + table + " ORDER BY row_number", String.class))
                .containsExactly("a,b\\c", "line\nbreak", null);
        assertThat(jdbc.queryForList("SELECT line FROM " + table + " ORDER BY row_number", Long.class))
                .containsExactly(2L, 3L, 5L);
    }

    @Test
    void categoricalFeaturesComeBackAsCodesAfterTheNumericOnes() {
        UUID id = upload("acme", "id,region,age,plan\na, north ,30,gold\nb,south,40,NA\nc,north,,basic\n");

        CustomerFeatures features = datasets.features(id, List.of("plan", "age", "region"));

        assertThat(features.numeric()).containsExactly("age");
        assertThat(Arrays.deepToString(features.values())).isEqualTo("[[30.0], [40.0], [NaN]]");
        assertThat(features.categoricals()).extracting(CustomerFeatures.Categorical::name).containsExactly("plan", "region");
        CustomerFeatures.Categorical plan = features.categoricals().getFirst();
        assertThat(Arrays.stream(plan.codes()).mapToObj(code -> code == CustomerFeatures.MISSING ? null
                : plan.dictionary().get(code))).containsExactly("gold", null, "basic");
        CustomerFeatures.Categorical region = features.categoricals().get(1);
        assertThat(Arrays.stream(region.codes()).mapToObj(region.dictionary()::get)).containsExactly("north", "south", "north");
        assertThat(features.categoriesOf(1)).containsExactly(null, "south");
    }

    @Test
    void jsonRowsAreArraysThatKeepEveryCharacter() {
        String ndjson = "{\"id\": \"a\", \"note\": \"say \\\"hi\\\", {x}, c:\\\\d\\ttab\\nline\", \"n\": 1}\n"
                + "{\"id\": \"b\", \"note\": \"nil, {\\\"x\\\"}\", \"n\": 2, \"late\": \"K\u00f6ln \u2615\"}\n";
        UUID id = service.upload(new Tenant("acme"), UploadFormat.NDJSON, null, new Upload("json", null, 50),
                body(ndjson)).id();

        assertThat(repository.findById(id)).get().extracting(Dataset::rowLayout).isEqualTo(RowLayout.ARRAY);
        assertThat(jdbc.queryForList("SELECT v[1] FROM " + RowTable.name(id) + " ORDER BY row_number", String.class))
                .containsExactly("say \"hi\", {x}, c:\\d\ttab\nline", "nil, {\"x\"}");
        assertThat(jdbc.queryForList("SELECT v[3] FROM " + RowTable.name(id) + " ORDER BY row_number", String.class))
                .containsExactly(null, "K\u00f6ln \u2615");
        assertThat(datasets.features(id, List.of("n")).values()).isDeepEqualTo(new double[][] {{1}, {2}});
    }

    @Test
    void aCsvTooWideForOneColumnPerValueIsStoredAsArrays() {
        int columns = 400; // 400 values of 30 characters would not fit in a page as columns
        StringBuilder csv = new StringBuilder("id");
        for (int c = 1; c <= columns; c++) {
            csv.append(",f").append(c);
        }
        for (int row = 1; row <= 3; row++) {
            csv.append("\nc").append(row);
            for (int c = 1; c <= columns; c++) {
                csv.append(',').append(String.format("%030.20f", row + c / 1000.0));
            }
        }
        UUID id = upload("acme", csv.append('\n').toString());

        assertThat(repository.findById(id)).get().extracting(Dataset::rowLayout).isEqualTo(RowLayout.ARRAY);
        double[][] values = datasets.features(id, List.of("f1", "f400")).values();
        for (int row = 1; row <= 3; row++) {
            assertThat(values[row - 1][0]).isCloseTo(row + 0.001, within(1e-12));
            assertThat(values[row - 1][1]).isCloseTo(row + 0.4, within(1e-12));
        }
    }

    @Test
    void aDatasetIsFoundOnlyByItsOwnTenant() {
        UUID id = upload("acme", "id,spend\na,1\nb,2\n");

        assertThat(repository.findByIdAndTenantId(id, "acme")).get()
                .satisfies(dataset -> assertThat(dataset.createdAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z")));
        assertThat(repository.findByIdAndTenantId(id, "globex")).isEmpty();
        assertThat(datasets.schema(new Tenant("acme"), id).clusterableColumns()).containsExactly("spend");
    }

    @Test
    void aBodyThatBreaksHalfWayLeavesNothingBehind() {
        Leftovers before = leftovers();
        InputStream breaking = new SequenceInputStream(body(rows(50_000)), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset by the client");
            }
        });

        assertThatThrownBy(() -> service.upload(new Tenant("acme"), UploadFormat.CSV, null, new Upload("broken", null, 50), breaking))
                .hasRootCauseMessage("connection reset by the client");

        assertThat(leftovers()).isEqualTo(before);
    }

    @Test
    void aParseErrorOnLine900000LeavesNothingBehind() {
        Leftovers before = leftovers();
        InputStream generated = new InputStream() {
            private final byte[] header = "id,spend,visits\n".getBytes(StandardCharsets.UTF_8);
            private byte[] current = header;
            private int at;
            private int line = 1;

            @Override
            public int read() {
                while (at == current.length) {
                    if (line == 900_000) {
                        return -1;
                    }
                    line++;
                    // line 900,000 has two fields instead of three
                    current = (line == 900_000 ? "c" + line + ",1.5\n" : "c" + line + "," + line * 0.5 + "," + line % 7 + "\n")
                            .getBytes(StandardCharsets.UTF_8);
                    at = 0;
                }
                return current[at++];
            }
        };

        assertThatThrownBy(() -> service.upload(new Tenant("acme"), UploadFormat.CSV, null, new Upload("late-error", null, 50), generated))
                .hasMessage("Line 900000 has 2 fields but the header has 3.");

        assertThat(leftovers()).isEqualTo(before);
    }

    @Test
    void aDatabaseConnectionKilledMidCopyLeavesNothingBehindAndThePoolRecovers() {
        Leftovers before = leftovers();
        InputStream killing = new SequenceInputStream(body(rows(50_000)), new InputStream() {
            private boolean killed;

            @Override
            public int read() {
                if (!killed) {
                    killed = true;
                    // on a connection of its own: this thread's transaction connection is busy with the COPY
                    try (Connection other = dataSource.getConnection();
                         ResultSet terminated = other.createStatement().executeQuery("SELECT count(pg_terminate_backend(pid)) "
                                 + "FROM pg_stat_activity WHERE query LIKE 'COPY dataset\\_rows\\_%' AND pid <> pg_backend_pid()")) {
                        terminated.next();
                        assertThat(terminated.getInt(1)).isEqualTo(1);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return -1;
            }
        });

        assertThatThrownBy(() -> service.upload(new Tenant("acme"), UploadFormat.CSV, null, new Upload("killed", null, 50), killing))
                .isInstanceOf(DataAccessResourceFailureException.class);

        assertThat(leftovers()).isEqualTo(before);
        assertThat(upload("acme", "id,spend\na,1\n")).isNotNull();
    }

    private Leftovers leftovers() {
        return Leftovers.in(jdbc);
    }

    private static String rows(int n) {
        StringBuilder csv = new StringBuilder("id,spend,visits\n");
        for (int i = 1; i <= n; i++) {
            csv.append('c').append(i).append(',').append(i * 1.5).append(',').append(i % 7).append('\n');
        }
        return csv.toString();
    }

    private static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private UUID upload(String tenant, String csv) {
        return service.upload(new Tenant(tenant), UploadFormat.CSV, null, new Upload("test", null, 50), body(csv)).id();
    }
}
