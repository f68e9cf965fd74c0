package org.customersegmentation.engine.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.customersegmentation.engine.SegmentProfile.Trait;
import org.junit.jupiter.api.Test;

class SegmentSummaryTest {

    @Test
    void traitsOfOneStrengthAndDirectionShareAClauseAndEachComesWithAllCustomersValue() {
        List<Trait> traits = List.of(
                new Trait("CASH_ADVANCE", null, 1.6, 4520.3, 978.87),
                new Trait("CASH_ADVANCE_FREQUENCY", null, 1.2, 0.4813, 0.1351),
                new Trait("PURCHASES", null, -0.6, 271.4, 1003.2));

        assertThat(SegmentSummary.of(1601, 0.17888, traits)).isEqualTo("1,601 customers (17.9%). Much higher "
                + "CASH_ADVANCE (mean 4,520 vs 979 overall) and CASH_ADVANCE_FREQUENCY (0.48 vs 0.14); somewhat lower "
                + "PURCHASES (271 vs 1,003).");
    }

    @Test
    void aCategoricalValueReadsAsItsShareBesideEveryonesAndMildTraitsAreSlight() {
        List<Trait> traits = List.of(new Trait("region", "west", 0.9, 0.62, 0.23),
                new Trait("age", null, 0.3, 41.26, 38.9), new Trait("income", null, 0.25, 52.5, 50));

        assertThat(SegmentSummary.of(1, 0.005, traits)).isEqualTo("1 customer (0.5%). 62% region=west vs 23% overall; "
                + "slightly higher age (mean 41.3 vs 38.9 overall) and income (52.5 vs 50).");
    }

    @Test
    void aSegmentWithoutTraitsIsCloseToTheAverage() {
        assertThat(SegmentSummary.of(12000, 0.5, List.of()))
                .isEqualTo("12,000 customers (50%). Close to the overall average on every feature.");
    }

    @Test
    void numbersKeepTheDigitsThatTellThemApart() {
        assertThat(List.of(SegmentSummary.number(4520.3), SegmentSummary.number(27.34), SegmentSummary.number(1.234),
                SegmentSummary.number(0.4813), SegmentSummary.number(0.00492), SegmentSummary.number(0),
                SegmentSummary.number(-1234.5))).containsExactly("4,520", "27.3", "1.23", "0.48", "0.0049", "0", "-1,234");
    }
}
