package org.customersegmentation.dataset.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.customersegmentation.dataset.DatasetProfile;
import org.customersegmentation.dataset.ingest.MissingValues;
import org.junit.jupiter.api.Test;

class ProfileCalculatorTest {

    @Test
    void percentilesInterpolateBetweenOrderStatisticsLikePercentileCont() {
        // hand-computed: sorted 1 2 3 4 10; (n-1)p = 1, 2, 3 -> 2, 3, 4; p=0.1 -> 0.4 -> 1 + 0.4 * (2 - 1)
        assertThat(ProfileCalculator.percentile(new double[] {10, 3, 1, 4, 2}, 0.25)).isEqualTo(2.0);
        assertThat(ProfileCalculator.percentile(new double[] {10, 3, 1, 4, 2}, 0.5)).isEqualTo(3.0);
        assertThat(ProfileCalculator.percentile(new double[] {10, 3, 1, 4, 2}, 0.1)).isCloseTo(1.4, within(1e-12));
        // even count: median of 1 2 3 4 is 2.5; p75 at 2.25 -> 3 + 0.25
        assertThat(ProfileCalculator.percentile(new double[] {4, 1, 3, 2}, 0.5)).isEqualTo(2.5);
        assertThat(ProfileCalculator.percentile(new double[] {4, 1, 3, 2}, 0.75)).isEqualTo(3.25);
        assertThat(ProfileCalculator.percentile(new double[] {7}, 0.25)).isEqualTo(7.0);
    }

    @Test
    void selectionAgreesWithSortingOnLargeDataWithTies() {
        Random random = new Random(11);
        double[] values = random.doubles(100_001).map(v -> Math.floor(v * 1000)).toArray();
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        for (double p : new double[] {0.25, 0.5, 0.75, 0.333}) {
            double position = (sorted.length - 1) * p;
            int below = (int) Math.floor(position);
            double expected = sorted[below] + (position - below) * (sorted[below + 1] - sorted[below]);
            assertThat(ProfileCalculator.percentile(values.clone(), p)).as("p=" + p).isCloseTo(expected, within(1e-9));
        }
    }

    @Test
    void summaryOfAHandComputedSample() {
        // 2 4 4 4 5 5 7 9: mean 5, sum of squares 32 -> sample std sqrt(32/7); third moment sum 42
        DatasetProfile.NumericSummary summary = ProfileCalculator.summary(new double[] {2, 4, 4, 4, 5, 5, 7, 9});

        assertThat(summary.mean()).isEqualTo(5.0);
        assertThat(summary.std()).isCloseTo(Math.sqrt(32.0 / 7), within(1e-12));
        double g1 = (42.0 / 8) / Math.pow(32.0 / 8, 1.5);
        assertThat(summary.skewness()).isCloseTo(g1 * Math.sqrt(8.0 * 7) / 6, within(1e-12));
        assertThat(summary.min()).isEqualTo(2.0);
        assertThat(summary.max()).isEqualTo(9.0);
        assertThat(summary.median()).isEqualTo(4.5);
    }

    @Test
    void tooFewValuesLeaveStdAndSkewnessUndefined() {
        DatasetProfile.NumericSummary one = ProfileCalculator.summary(new double[] {3});
        assertThat(one.std()).isNull();
        assertThat(one.skewness()).isNull();
        assertThat(ProfileCalculator.summary(new double[] {3, 3, 3}).skewness()).isNull();
    }

    @Test
    void histogramBinsAreClosedOnTheLeftAndTheLastOneOnBothSides() {
        double[] values = new double[21];
        for (int i = 0; i <= 20; i++) {
            values[i] = 1.5 * i / 20; // exactly the edges of 20 bins over [0, 1.5]; (0.3 - 0) / 1.5 * 20 rounds below 4
        }

        DatasetProfile.Histogram histogram = ProfileCalculator.histogram(values, 0, 1.5);

        assertThat(histogram.edges()).hasSize(21).startsWith(0.0).endsWith(1.5);
        long[] expected = new long[20];
        Arrays.fill(expected, 1);
        expected[19] = 2;
        assertThat(histogram.counts()).containsExactly(expected);
    }

    @Test
    void aConstantColumnGetsUnitWideBinsAroundItsValue() {
        DatasetProfile.Histogram histogram = ProfileCalculator.histogram(new double[] {5, 5}, 5, 5);

        assertThat(histogram.edges()[0]).isEqualTo(4.5);
        assertThat(histogram.edges()[20]).isEqualTo(5.5);
        assertThat(Arrays.stream(histogram.counts()).sum()).isEqualTo(2);
    }

    @Test
    void correlationsArePairwiseCompleteAndNullForAConstantColumn() {
        List<ColumnTally> tallies = List.of(new ColumnTally("x", 50, 0), new ColumnTally("y", 50, 0),
                new ColumnTally("flat", 50, 0), new ColumnTally("label", 50, 0));
        String[][] rows = {{"1", "2", "7", "a"}, {"2", "4", "7", "b"}, {"3", "", "7", "a"}, {"4", "8", "7", "b"}, {"5", "9", "7", "a"}};
        try (NumericSpill spill = new NumericSpill(4)) {
            for (String[] row : rows) {
                double[] numbers = new double[4];
                for (int c = 0; c < 4; c++) {
                    numbers[c] = tallies.get(c).accept(MissingValues.normalize(row[c]));
                }
                spill.add(numbers);
            }

            DatasetProfile profile = ProfileCalculator.profile(rows.length, tallies, spill, 50);

            assertThat(profile.correlation().columns()).containsExactly("x", "y", "flat");
            Double[][] r = profile.correlation().matrix();
            // pairs without row 3: x = 1 2 4 5, y = 2 4 8 9; hand-computed Sxy = 18, Sxx = 10, Syy = 32.75
            assertThat(r[0][1]).isCloseTo(18 / Math.sqrt(10 * 32.75), within(1e-12));
            assertThat(r[1][0]).isEqualTo(r[0][1]);
            assertThat(r[0][0]).isEqualTo(1.0);
            assertThat(r[0][2]).isNull();
            assertThat(profile.columns().get(3).values()).extracting(DatasetProfile.ValueCount::value).containsExactly("a", "b");
            assertThat(profile.columns().get(1).missing()).isEqualTo(1);
        }
    }
}
