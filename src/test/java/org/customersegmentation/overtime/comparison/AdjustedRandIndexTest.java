package org.customersegmentation.overtime.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

/** Contingency tables whose index was worked out by hand from Hubert and Arabie's formula. */
class AdjustedRandIndexTest {

    @Test
    void identicalPartitionsScoreOneWhateverTheNumbering() {
        assertThat(AdjustedRandIndex.of(new long[][] {{3, 0}, {0, 2}})).isEqualTo(1.0);
        assertThat(AdjustedRandIndex.of(new long[][] {{0, 3, 0}, {0, 0, 4}, {2, 0, 0}})).isEqualTo(1.0);
    }

    /**
     * Six customers, 0 0 0 1 1 1 against 0 0 1 1 2 2: pairs in cells 1 + 1 = 2, in rows 3 + 3 = 6, in columns
     * 1 + 1 + 1 = 3, of 15 in all; expected 6 * 3 / 15 = 1.2, maximum (6 + 3) / 2 = 4.5; (2 - 1.2) / (4.5 - 1.2)
     * = 8 / 33.
     */
    @Test
    void aSplitGroupScoresWhatTheFormulaGivesByHand() {
        assertThat(AdjustedRandIndex.of(new long[][] {{2, 1, 0}, {0, 1, 2}})).isCloseTo(8.0 / 33, offset(1e-15));
    }

    /** 2x2 of ones: no pair together in both, 2 in rows, 2 in columns, of 6; (0 - 2/3) / (2 - 2/3) = -1/2. */
    @Test
    void partitionsThatCrossEveryGroupScoreBelowZero() {
        assertThat(AdjustedRandIndex.of(new long[][] {{1, 1}, {1, 1}})).isCloseTo(-0.5, offset(1e-15));
    }

    /**
     * 10 customers, 4 | 6 then 4 | 1 + 5: cells 6 + 0 + 10 = 16, rows 6 + 15 = 21, columns 6 + 0 + 10 = 16, of
     * 45; expected 21 * 16 / 45 = 112 / 15, maximum 37 / 2; (16 - 112/15) / (37/2 - 112/15) = 256 / 331.
     */
    @Test
    void oneCustomerSplitOffScoresBelowOne() {
        assertThat(AdjustedRandIndex.of(new long[][] {{4, 0, 0}, {0, 1, 5}})).isCloseTo(256.0 / 331, offset(1e-15));
    }

    @Test
    void onePartEachIsAgreementAndFewerThanTwoCustomersHaveNoIndex() {
        assertThat(AdjustedRandIndex.of(new long[][] {{5}})).isEqualTo(1.0);
        assertThat(AdjustedRandIndex.of(new long[][] {{1, 0}, {0, 0}})).isNull();
        assertThat(AdjustedRandIndex.of(new long[][] {{0, 0}, {0, 0}})).isNull();
    }
}
