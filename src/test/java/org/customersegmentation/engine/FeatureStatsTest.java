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
    void quartilesInterpolateBetweenOrderStatisticsAndWhiskersStopAtTheLastValueWithinOneAndAHalfIqr() {
        // sorted 2, 4, 4, 4, 5, 5, 7, 9 (indices 0..7): p25 at 7 * 0.25 = 1.75, between 4 and 4: 4;
        // p75 at 5.25, a quarter of the way from 5 to 7: 5.5. IQR 1.5, so the fences are 1.75 and 7.75:
        // 2 is still inside, 9 is an outlier and the upper whisker stops at 7
        FeatureStats stats = FeatureStats.of(new double[] {9, 4, Double.NaN, 5, 2, 4, 7, 4, 5});

        assertThat(stats.p25()).isEqualTo(4);
        assertThat(stats.p75()).isEqualTo(5.5);
        assertThat(stats.lowerWhisker()).isEqualTo(2);
        assertThat(stats.upperWhisker()).isEqualTo(7);
    }

    @Test
    void anOutlierBelowShortensTheLowerWhisker() {
        // sorted 1, 10, 11, 12, 13, 14, 30: p25 at 1.5 = 10.5, p75 at 4.5 = 13.5 (numpy gives the same),
        // IQR 3, fences 6 and 18: the whiskers end at 10 and 14, while min and max stay 1 and 30
        FeatureStats stats = FeatureStats.of(new double[] {13, 30, 1, 12, Double.NaN, 10, 14, 11});

        assertThat(stats.p25()).isEqualTo(10.5);
        assertThat(stats.median()).isEqualTo(12);
        assertThat(stats.p75()).isEqualTo(13.5);
        assertThat(stats.lowerWhisker()).isEqualTo(10);
        assertThat(stats.upperWhisker()).isEqualTo(14);
        assertThat(stats.min()).isEqualTo(1);
        assertThat(stats.max()).isEqualTo(30);
    }

    @Test
    void aValueOnTheFenceIsInsideTheWhisker() {
        // sorted -1, 2, 3, 4, 7: p25 2, p75 4, IQR 2, fences exactly -1 and 7
        FeatureStats stats = FeatureStats.of(new double[] {3, 7, 2, -1, 4});

        assertThat(new double[] {stats.p25(), stats.p75(), stats.lowerWhisker(), stats.upperWhisker()})
                .containsExactly(2, 4, -1, 7);
    }

    @Test
    void oneValueHasNoSpreadAndNoValueHasNoSummary() {
        assertThat(FeatureStats.of(new double[] {3})).isEqualTo(new FeatureStats(3, 0, 3, 3, 3, 3, 3, 3, 3));
        FeatureStats none = FeatureStats.of(new double[] {Double.NaN});
        assertThat(new double[] {none.mean(), none.std(), none.min(), none.max(), none.median(), none.p25(), none.p75(),
                none.lowerWhisker(), none.upperWhisker()}).containsOnly(Double.NaN);
    }
}
