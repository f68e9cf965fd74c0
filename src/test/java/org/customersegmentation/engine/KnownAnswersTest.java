package org.customersegmentation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The engine against answers it did not produce: known memberships and a provably optimal partition. */
class KnownAnswersTest {

    @Test
    void gaussianBlobsWithKnownMembershipComeBackWithAnAdjustedRandIndexOfAtLeast099() {
        Random random = new Random(17);
        double[][] centres = {{0, 0, 0}, {8, 0, 0}, {0, 8, 0}, {0, 0, 8}};
        int n = 1000;
        double[][] rows = new double[n][3];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = i % centres.length;
            for (int j = 0; j < 3; j++) {
                rows[i][j] = centres[truth[i]][j] + random.nextGaussian();
            }
        }

        SegmentationOutcome outcome = Segment.kRange(new FeatureMatrix(List.of("a", "b", "c"), rows),
                2, 10, KSelectionMethod.SILHOUETTE, 10, 5);

        assertThat(outcome.segments()).hasSize(4);
        assertThat(adjustedRandIndex(truth, outcome.assignments())).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void theInertiaIsWithinHalfAPercentOfTheKnownOptimum() {
        // In one dimension an optimal k-means partition splits the sorted values into contiguous runs, so dynamic
        // programming over the split points finds the true optimum to compare with.
        Random random = new Random(23);
        double[] values = new double[60];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i % 3) * 4 + random.nextGaussian() * 1.5; // overlapping groups: no easy answer
        }
        double[][] rows = Arrays.stream(values).mapToObj(v -> new double[] {v}).toArray(double[][]::new);

        SegmentationOutcome outcome = Segment.fixedK(new FeatureMatrix(List.of("x"), rows),
                new Preprocessing(Preprocessing.Scaling.NONE, Set.of(), Preprocessing.Imputation.MEDIAN), 3, 10, 9);

        double optimum = optimalInertia(values, 3);
        assertThat(outcome.inertia()).isGreaterThanOrEqualTo(optimum - 1e-9).isLessThanOrEqualTo(optimum * 1.005);
    }

    /** Hubert and Arabie's adjusted Rand index, from the contingency table. */
    static double adjustedRandIndex(int[] a, int[] b) {
        int ka = Arrays.stream(a).max().orElseThrow() + 1;
        int kb = Arrays.stream(b).max().orElseThrow() + 1;
        long[][] table = new long[ka][kb];
        long[] rows = new long[ka];
        long[] columns = new long[kb];
        for (int i = 0; i < a.length; i++) {
            table[a[i]][b[i]]++;
            rows[a[i]]++;
            columns[b[i]]++;
        }
        double index = 0;
        for (long[] row : table) {
            for (long cell : row) {
                index += pairs(cell);
            }
        }
        double rowPairs = Arrays.stream(rows).mapToDouble(KnownAnswersTest::pairs).sum();
        double columnPairs = Arrays.stream(columns).mapToDouble(KnownAnswersTest::pairs).sum();
        double expected = rowPairs * columnPairs / pairs(a.length);
        return (index - expected) / ((rowPairs + columnPairs) / 2 - expected);
    }

    private static double pairs(long n) {
        return n * (n - 1) / 2.0;
    }

    /** The least within-cluster sum of squares of k contiguous runs of the sorted values. */
    static double optimalInertia(double[] values, int k) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double[][] cost = new double[n][n]; // cost[i][j]: sum of squares of sorted[i..j] around their mean
        for (int i = 0; i < n; i++) {
            double sum = 0;
            double squares = 0;
            for (int j = i; j < n; j++) {
                sum += sorted[j];
                squares += sorted[j] * sorted[j];
                cost[i][j] = squares - sum * sum / (j - i + 1);
            }
        }
        double[][] best = new double[k + 1][n + 1]; // best[c][m]: c runs over the first m values
        for (double[] row : best) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        best[0][0] = 0;
        for (int c = 1; c <= k; c++) {
            for (int m = c; m <= n; m++) {
                for (int start = c - 1; start < m; start++) {
                    best[c][m] = Math.min(best[c][m], best[c - 1][start] + cost[start][m - 1]);
                }
            }
        }
        return best[k][n];
    }
}
