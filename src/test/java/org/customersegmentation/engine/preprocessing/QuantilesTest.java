package org.customersegmentation.engine.preprocessing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuantilesTest {

    @Test
    void handComputedQuantilesInterpolateAsNumpyDoes() {
        // sorted 1 2 3 4: the median sits halfway between 2 and 3; p25 at position 0.75, between 1 and 2
        assertThat(Quantiles.of(new double[] {4, 1, 3, 2}, 0.5)).isEqualTo(2.5);
        assertThat(Quantiles.of(new double[] {4, 1, 3, 2}, 0.25)).isEqualTo(1.75);
        assertThat(Quantiles.of(new double[] {4, 1, 3, 2}, 1)).isEqualTo(4);
        assertThat(Quantiles.of(new double[] {4, 1, 3, 2}, 0)).isEqualTo(1);
        assertThat(Quantiles.of(new double[] {7}, 0.75)).isEqualTo(7);
    }

    @Test
    void selectionGivesWhatSortingGivesOnSkewedDataWithManyTies() {
        Random random = new Random(13);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + random.nextInt(5_000);
            // like spending columns: a third zeros, the rest long-tailed and rounded
            double[] values = random.doubles(n).map(u -> u < 0.33 ? 0 : Math.rint(Math.exp(5 * u))).toArray();
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            for (double p : new double[] {0, 0.1, 0.25, 0.5, 0.75, 0.9, 1}) {
                double position = (n - 1) * p;
                int below = (int) Math.floor(position);
                double expected = below + 1 < n ? sorted[below] + (position - below) * (sorted[below + 1] - sorted[below])
                        : sorted[below];
                assertThat(Quantiles.of(values.clone(), p)).as("n %d, p %s", n, p).isEqualTo(expected);
            }
        }
    }
}
