package org.customersegmentation.dataset.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.customersegmentation.dataset.ColumnType;
import org.junit.jupiter.api.Test;

class ColumnTallyTest {

    @Test
    void allNumbersMakeANumericColumnAndComeBackAsDoubles() {
        ColumnTally tally = new ColumnTally("spend", 2, 0);

        assertThat(tally.accept("1.5")).isEqualTo(1.5);
        assertThat(tally.accept(null)).isNaN();
        assertThat(tally.accept("-2e1")).isEqualTo(-20.0);
        assertThat(tally.accept("7")).isEqualTo(7.0);

        assertThat(tally.type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(tally.present()).isEqualTo(3);
        assertThat(tally.missing()).isEqualTo(1);
        assertThat(tally.distinct()).isNull();
    }

    @Test
    void oneStrayValueMakesItCategoricalWhileFewLabelsAreSeenAndTextBeyondMaxCategories() {
        ColumnTally tally = new ColumnTally("score", 2, 3);
        tally.accept("10");
        assertThat(tally.accept("n.a.")).isNaN();
        assertThat(tally.accept("10")).isNaN();

        assertThat(tally.type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(tally.distinct()).isEqualTo(2);
        assertThat(tally.valueCounts()).isEqualTo(Map.of("10", 2L, "n.a.", 1L));
        assertThat(tally.missing()).as("customers before the column appeared").isEqualTo(3);

        tally.accept("12");
        assertThat(tally.type()).isEqualTo(ColumnType.TEXT);
        assertThat(tally.distinct()).isNull();
    }
}
