package org.customersegmentation.overtime.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.customersegmentation.dataset.CustomerFeatures;
import org.customersegmentation.engine.OneHotEncoding;
import org.customersegmentation.engine.SegmentModel;
import org.junit.jupiter.api.Test;

/** Binning and placement against values worked out by hand. */
class BinsTest {

    private static final int M = CustomerFeatures.MISSING;

    @Test
    void numericEdgesAreTheTrainingDecilesInterpolatedBetweenOrderStatistics() {
        // 1..10: decile p lies at (10 - 1) p, so 0.9 -> 1.9, 1.8 -> 2.8, ... 8.1 -> 9.1; a NaN is not a value
        NumericBins bins = NumericBins.ofTraining(new double[] {10, 3, 1, 2, 9, Double.NaN, 5, 4, 6, 8, 7});
        assertThat(bins.edges()).usingElementComparator((a, b) -> Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b))
                .containsExactly(1.9, 2.8, 3.7, 4.6, 5.5, 6.4, 7.3, 8.2, 9.1);
        assertThat(bins.binCount()).isEqualTo(11);
        assertThat(bins.binOf(-5)).isZero();
        assertThat(bins.binOf(1.89)).isZero();
        assertThat(bins.binOf(1.9)).isEqualTo(1); // an edge opens the bin above it
        assertThat(bins.binOf(5)).isEqualTo(4);
        assertThat(bins.binOf(9.1)).isEqualTo(9);
        assertThat(bins.binOf(1e9)).isEqualTo(9);
        assertThat(bins.binOf(Double.NaN)).isEqualTo(10);
        double[][] rows = {{1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {Double.NaN}};
        assertThat(bins.counts(rows, 0)).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
    }

    @Test
    void coincidingDecilesMergeIntoOneEdge() {
        // five 1s and five 2s: deciles 1, 1, 1, 1, 1.5, 2, 2, 2, 2 -> edges 1, 1.5, 2
        NumericBins bins = NumericBins.ofTraining(new double[] {1, 2, 1, 2, 1, 2, 1, 2, 1, 2});
        assertThat(bins.edges()).containsExactly(1, 1.5, 2);
        double[][] rows = {{1}, {1}, {2}, {1.7}, {0.5}, {Double.NaN}};
        // below 1 | [1, 1.5) | [1.5, 2) | 2 and above | missing
        assertThat(bins.counts(rows, 0)).containsExactly(1, 2, 1, 1, 1);
    }

    @Test
    void categoricalBinsAreTheTrainingValuesMostFrequentFirstThenUnseenThenMissing() {
        // training: a 3, c 3, b 1 (ties in text order), one missing
        CustomerFeatures.Categorical training = new CustomerFeatures.Categorical("plan", List.of("b", "a", "c"),
                new int[] {0, 1, 1, 2, 1, 2, 2, M});
        CategoricalBins bins = CategoricalBins.ofTraining(training);
        assertThat(bins.values()).containsExactly("a", "c", "b");
        assertThat(bins.counts(training)).containsExactly(3, 3, 1, 0, 1);
        // the snapshot codes its own dictionary: z twice (never seen in training), a once, b once
        CustomerFeatures.Categorical snapshot = new CustomerFeatures.Categorical("plan", List.of("z", "a", "b"),
                new int[] {0, 1, 0, 2});
        assertThat(bins.counts(snapshot)).containsExactly(1, 0, 1, 2, 0);
    }

    @Test
    void theSnapshotIsPlacedAsTheModelPlacesCustomersImputingAndEncodingTheCategory() {
        // one numeric feature (missing -> 4, unscaled) and a category x/y (missing -> x), indicators centred on 0.5
        SegmentModel model = new SegmentModel(List.of("n"), new boolean[] {false}, new double[] {4}, new double[] {0},
                new double[] {1}, new double[][] {{0, 0.5, -0.5}, {10, -0.5, 0.5}},
                List.of(new OneHotEncoding("c", List.of("x", "y"), new double[] {0.5, 0.5}, 1, "x")));
        CustomerFeatures snapshot = new CustomerFeatures(new String[] {"1", "2", "3", "4"}, List.of("n"),
                new double[][] {{1}, {9}, {Double.NaN}, {10}},
                List.of(new CustomerFeatures.Categorical("c", List.of("x", "y", "z"), new int[] {0, 1, M, 2})));
        // (1, x) -> segment 0 at 1; (9, y) -> 1 at 1; (missing: 4, x) -> 0 at 4; (10, unseen z: 0 - 0.5 each) -> 1 at 1
        SnapshotPlacement placement = SnapshotPlacement.of(model, snapshot);
        assertThat(placement.counts()).containsExactly(2, 2);
        assertThat(placement.meanDistance()).isCloseTo((1 + 1 + 4 + 1) / 4.0, within(1e-12));
    }
}
