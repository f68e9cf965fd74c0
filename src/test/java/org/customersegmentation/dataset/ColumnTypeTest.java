package org.customersegmentation.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ColumnTypeTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "-12", "+3.5", "1.", ".5", "1e6", "2.5E-3", "007", "-0", "1e+2"})
    void decimalNumbersAreNumbers(String value) {
        assertThat(ColumnType.parseNumber(value)).isEqualTo(Double.parseDouble(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "12f", "3d", "0x1p3", "1,5", "1e999", "abc", "1 000", ".", "", "-", "1e", "1e+", "--1", "1.2.3", "e5"})
    void whatJavaWouldStretchToParseIsNot(String value) {
        assertThat(ColumnType.parseNumber(value)).isNaN();
    }
}
