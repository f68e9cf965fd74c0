package org.customersegmentation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.customersegmentation.engine.SegmentProfile.FeatureStats;
import org.junit.jupiter.api.Test;

class FeatureStatsTest {

    @Test
    void summarizesThePresentValuesWithTheSampleStandardDeviation() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum to 32, sample variance 32 / 7
        FeatureStats stats = FeatureStats.of(new double[] {2, 4, Double.NaN, 4, 4, 5, 5, 7, 9});

        assertThat(stats.mean()).isEqualTo(5);
        assertThat(stats.std()).isCloseTo(Math.sqrt(32.0 / 7), within(1e-12));
        assertThat(stats.min()).isEqualTo(2);
        assertThat(stats.max()).isEqualTo(9);
        assertThat(stats.median()).isEqualTo(4.5); // the middle two of eight values, 4 and 5
    }

    @Test
    void oneValueHasNoSpreadAndNoValueHasNoSummary() {
        assertThat(FeatureStats.of(new double[] {3})).isEqualTo(new FeatureStats(3, 0, 3, 3, 3));
        FeatureStats none = FeatureStats.of(new double[] {Double.NaN});
        assertThat(new double[] {none.mean(), none.std(), none.min(), none.max(), none.median()}).containsOnly(Double.NaN);
    }
}
