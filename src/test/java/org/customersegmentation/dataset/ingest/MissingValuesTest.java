package org.customersegmentation.dataset.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MissingValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "NA", "na", "N/A", "n/a", "null", "NULL", "NaN", "nan", " NA "})
    void theseStandForNoValue(String value) {
        assertThat(MissingValues.normalize(value)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"N", "NAN0", "none", "n.a.", "0", "nullable", "-"})
    void theseAreValues(String value) {
        assertThat(MissingValues.normalize(value)).isEqualTo(value);
    }

    @Test
    void valuesLoseTheirSurroundingWhitespace() {
        assertThat(MissingValues.normalize("  gold\t")).isEqualTo("gold");
        assertThat(MissingValues.normalize(null)).isNull();
    }
}
