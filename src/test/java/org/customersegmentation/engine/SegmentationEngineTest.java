package org.customersegmentation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class SegmentationEngineTest {

    @Test
    void twoObviousGroupsOnDifferentScalesAreSegmentedAfterStandardizing() {
        // income alone (in the tens of thousands) would decide unscaled; standardized, age splits the groups too
        var matrix = new FeatureMatrix(List.of("age", "income"), new double[][] {
                {20, 50_000}, {21, 50_500}, {22, Double.NaN}, {60, 50_200}, {61, 50_100}, {62, 50_300}, {63, 50_400}});

        SegmentationOutcome outcome = Segment.fixedK(matrix, 2, 5, 7);

        assertThat(outcome.assignments()).containsExactly(1, 1, 1, 0, 0, 0, 0);
        assertThat(outcome.segments().get(0).centroid()[0]).isCloseTo(61.5, within(1e-9));
        assertThat(outcome.segments().get(1).centroid()[0]).isCloseTo(21, within(1e-9));
    }

    @Test
    void kMustLieBetweenTwoAndTheNumberOfCustomers() {
        var matrix = new FeatureMatrix(List.of("x"), new double[][] {{1}, {2}, {3}});

        assertThatThrownBy(() -> Segment.fixedK(matrix, 1, 1, 1)).isInstanceOf(EngineException.class);
        assertThatThrownBy(() -> Segment.fixedK(matrix, 4, 1, 1))
                .hasMessage("k must be between 2 and the number of customers (3), not 4.");
    }

    @Test
    void droppingRowsLeavesOutEveryCustomerMissingAFeatureAndSaysWhichWereKept() {
        double nan = Double.NaN;
        var matrix = new FeatureMatrix(List.of("x", "y"), new double[][] {
                {0, 0}, {0.1, nan}, {0.2, 0.1}, {10, 10}, {nan, 10.1}, {10.2, 10.2}, {0.1, 0.2}, {10.1, 9.9}});

        SegmentationOutcome outcome = Segment.fixedK(matrix,
                new Preprocessing(Preprocessing.Scaling.STANDARD, Set.of(), Preprocessing.Imputation.DROP_ROWS),
                2, Fitting.restarts(5), 1);

        assertThat(outcome.droppedRows()).isEqualTo(2);
        assertThat(outcome.rows()).containsExactly(0, 2, 3, 5, 6, 7);
        assertThat(outcome.assignments()).hasSize(6);
        // rows 0, 2, 6 near the origin, rows 3, 5, 7 near (10, 10): equal sizes keep the clusterer's order
        assertThat(outcome.assignments()[0]).isEqualTo(outcome.assignments()[1]).isEqualTo(outcome.assignments()[4]);
        assertThat(outcome.assignments()[2]).isEqualTo(outcome.assignments()[3]).isEqualTo(outcome.assignments()[5])
                .isNotEqualTo(outcome.assignments()[0]);
        assertThat(outcome.segments()).extracting(SegmentProfile::share).containsExactly(0.5, 0.5);
    }

    @Test
    void droppingRowsRefusesWhenTooFewCustomersAreComplete() {
        var matrix = new FeatureMatrix(List.of("x", "y"), new double[][] {{0, Double.NaN}, {1, 1}, {Double.NaN, 2}});

        assertThatThrownBy(() -> Segment.fixedK(matrix,
                new Preprocessing(Preprocessing.Scaling.STANDARD, Set.of(), Preprocessing.Imputation.DROP_ROWS),
                2, Fitting.restarts(1), 1)).isInstanceOf(EngineException.class).hasMessageContaining("Only 1 of 3");
    }

    @Test
    void aKRangeSearchGivesTheSameOutcomeOnOneThreadOrTwo() throws Exception {
        Random random = new Random(8);
        double[][] rows = new double[3000][3];
        for (int i = 0; i < rows.length; i++) {
            int group = i % 4;
            for (int j = 0; j < 3; j++) {
                rows[i][j] = 5 * ((group >> (j % 2)) & 1) + j + random.nextGaussian();
            }
        }
        FeatureMatrix matrix = new FeatureMatrix(List.of("a", "b", "c"), rows);

        SegmentationOutcome one = rangeSearchWithThreads(1, matrix);
        SegmentationOutcome two = rangeSearchWithThreads(2, matrix);

        assertThat(two.assignments()).containsExactly(one.assignments());
        assertThat(two.search()).isEqualTo(one.search());
        assertThat(two.quality()).isEqualTo(one.quality());
        assertThat(two.inertia()).isEqualTo(one.inertia());
        assertThat(one.segments()).hasSize(4);
    }

    private static SegmentationOutcome rangeSearchWithThreads(int threads, FeatureMatrix matrix) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return CompletableFuture.supplyAsync(() -> Segment.kRange(matrix, 2, 7, KSelectionMethod.SILHOUETTE, 4, 21),
                    pool).get();
        } finally {
            pool.shutdownNow();
        }
    }
}
