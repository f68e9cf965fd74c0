package org.customersegmentation.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.customersegmentation.engine.FeatureMatrix;
import org.customersegmentation.security.Tenant;
import org.customersegmentation.storage.PostgresCopy;
import org.customersegmentation.support.PostgresForTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/** The dataset's storage against real PostgreSQL: COPY in, array subscripts out, tenants apart. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({PostgresForTests.class, PostgresCopy.class, DatasetRowStore.class, Datasets.class, DatasetService.class,
        DatasetStorageTest.FixedClock.class})
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
    DatasetRowStore rows;

    @Autowired
    Datasets datasets;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void valuesGoInByCopyAndComeBackByColumn() {
        ParsedDataset parsed = CsvDatasetParserTest.parse("id,age,note,income,score\n"
                + "\"tab\tand \"\"quotes\"\"\",34,\"a,b\\c\",52000.5,1\n"
                + "NULL,,\"line\nbreak\",61000,\n"
                + "x,51,,,3\n");
        UUID id = store("acme", parsed);

        FeatureMatrix matrix = datasets.numericFeatures(id, List.of("score", "age"));

        assertThat(matrix.features()).containsExactly("score", "age");
        assertThat(Arrays.deepToString(matrix.rows())).isEqualTo("[[1.0, 34.0], [NaN, NaN], [3.0, 51.0]]");
        assertThat(datasets.customerIds(id, new int[] {1, 2, 3}))
                .isEqualTo(Map.of(1, "tab\tand \"quotes\"", 2, "NULL", 3, "x"));
        assertThat(jdbc.queryForObject("SELECT categorical_values::text FROM dataset_row WHERE dataset_id = ? AND row_number = 2",
                String.class, id)).isEqualTo("{\"line\nbreak\"}");
        assertThat(jdbc.queryForObject("SELECT categorical_values[1] FROM dataset_row WHERE dataset_id = ? AND row_number = 1",
                String.class, id)).isEqualTo("a,b\\c");
        assertThat(jdbc.queryForObject("SELECT categorical_values[1] IS NULL FROM dataset_row WHERE dataset_id = ? AND row_number = 3",
                Boolean.class, id)).isTrue();
    }

    @Test
    void aDatasetIsFoundOnlyByItsOwnTenant() {
        UUID id = store("acme", CsvDatasetParserTest.parse("id,spend\na,1\nb,2\n"));

        assertThat(repository.findByIdAndTenantId(id, "acme")).get()
                .satisfies(dataset -> assertThat(dataset.createdAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z")));
        assertThat(repository.findByIdAndTenantId(id, "globex")).isEmpty();
        assertThat(datasets.schema(new Tenant("acme"), id).numericColumns()).containsExactly("spend");
    }

    private UUID store(String tenant, ParsedDataset parsed) {
        return service.store(new Tenant(tenant), "test", parsed).id();
    }
}
