package org.customersegmentation.overtime.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The PSI against sums worked out by hand. */
class PsiTest {

    @Test
    void sumsTheShareDifferencesWeightedByTheLogOfTheirRatio() {
        // (0.25 - 0.5) ln(0.25 / 0.5) + (0.75 - 0.5) ln(0.75 / 0.5) = 0.25 ln 2 + 0.25 ln 1.5
        assertThat(Psi.of(new double[] {0.5, 0.5}, new double[] {0.25, 0.75}))
                .isCloseTo(0.25 * 0.6931471806 + 0.25 * 0.4054651081, within(1e-9));
        // 0.1 ln 1.5 + 0 + (-0.1) ln 0.8
        assertThat(Psi.of(new double[] {0.2, 0.3, 0.5}, new double[] {0.3, 0.3, 0.4}))
                .isCloseTo(0.1 * 0.4054651081 + 0.1 * 0.2231435513, within(1e-9));
    }

    @Test
    void anEmptyBinCountsAsTheFloorAndOneEmptyOnBothSidesAddsNothing() {
        // training's second bin is empty: 0.0001. (0.5 - 1) ln 0.5 + (0.5 - 0.0001) ln(0.5 / 0.0001)
        assertThat(Psi.of(new double[] {1, 0}, new double[] {0.5, 0.5}))
                .isCloseTo(0.5 * 0.6931471806 + 0.4999 * 8.5171931914, within(1e-9));
        assertThat(Psi.of(new double[] {0.5, 0.5, 0}, new double[] {0.5, 0.5, 0})).isZero();
    }

    @Test
    void sharesAreFractionsOfTheTotal() {
        assertThat(Psi.shares(new long[] {1, 3, 0})).containsExactly(0.25, 0.75, 0);
        assertThat(Psi.shares(new long[] {0, 0})).containsExactly(0, 0);
    }

    @Test
    void theVerdictFollowsTheConventionalThresholds() {
        assertThat(Psi.verdict(0.0999)).isEqualTo(DriftReport.Verdict.STABLE);
        assertThat(Psi.verdict(0.1)).isEqualTo(DriftReport.Verdict.MONITOR);
        assertThat(Psi.verdict(0.2499)).isEqualTo(DriftReport.Verdict.MONITOR);
        assertThat(Psi.verdict(0.25)).isEqualTo(DriftReport.Verdict.RESEGMENT);
    }
}
