package org.customersegmentation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The silhouette's and the scatter's sample of rows: uniform, in row order, and the same for the same seed. */
class SampleRowsTest {

    @Test
    void aSampleHasDistinctRowsInOrderAndIsTheSameEachTime() {
        int[] sample = ClusterQuality.sampleRows(100_000, 5000, 7);

        assertThat(sample).hasSize(5000).isSorted().doesNotHaveDuplicates();
        assertThat(sample[0]).isGreaterThanOrEqualTo(0);
        assertThat(sample[4999]).isLessThan(100_000);
        assertThat(ClusterQuality.sampleRows(100_000, 5000, 7)).isEqualTo(sample);
        assertThat(ClusterQuality.sampleRows(100_000, 5000, 8)).isNotEqualTo(sample);
        // uniform: about half the sample lies in the first half of the rows (binomial sd ~35)
        assertThat(Arrays.stream(sample).filter(row -> row < 50_000).count()).isBetween(2350L, 2650L);
    }

    @Test
    void fewerRowsThanTheSampleAreAllTaken() {
        assertThat(ClusterQuality.sampleRows(60, 5000, 1)).containsExactly(IntStream.range(0, 60).toArray());
    }
}
