package org.customersegmentation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.customersegmentation.engine.kmeans.KMeansClusterer;
import org.customersegmentation.engine.preprocessing.Preprocessor;
import org.junit.jupiter.api.Test;
import smile.clustering.KMeans;
import smile.math.MathEx;

/**
 * The known answers again, on more customers than {@link KMeansClusterer#FIT_SAMPLE}: there the restarts and the
 * k search run on a sample and the chosen partition is refined on everyone, and it must still find what is known.
 */
class SampledFitKnownAnswersTest {

    private static final int N = 2 * KMeansClusterer.FIT_SAMPLE + 20_000;

    @Test
    void gaussianBlobsWithKnownMembershipComeBackWithAnAdjustedRandIndexOfAtLeast099() {
        Random random = new Random(31);
        double[][] centres = {{0, 0, 0, 0}, {9, 0, 0, 0}, {0, 9, 0, 0}, {0, 0, 9, 0}, {0, 0, 0, 9}};
        double[][] rows = new double[N][4];
        int[] truth = new int[N];
        for (int i = 0; i < N; i++) {
            truth[i] = i % 7 < 3 ? 0 : i % 7 - 2; // unequal sizes: 3/7 of the customers in the first blob
            for (int j = 0; j < 4; j++) {
                rows[i][j] = centres[truth[i]][j] + random.nextGaussian();
            }
        }

        SegmentationOutcome outcome = Segment.kRange(new FeatureMatrix(List.of("a", "b", "c", "d"), rows),
                2, 8, KSelectionMethod.SILHOUETTE, 10, 5);

        assertThat(outcome.segments()).hasSize(5);
        assertThat(KnownAnswersTest.adjustedRandIndex(truth, outcome.assignments())).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void theInertiaIsWithinHalfAPercentOfTheKnownOptimum() {
        Random random = new Random(37);
        double[] values = new double[N];
        for (int i = 0; i < N; i++) {
            values[i] = (i % 3) * 4 + random.nextGaussian() * 1.5; // overlapping groups: no easy answer
        }
        double[][] rows = Arrays.stream(values).mapToObj(v -> new double[] {v}).toArray(double[][]::new);

        SegmentationOutcome outcome = Segment.fixedK(new FeatureMatrix(List.of("x"), rows),
                new Preprocessing(Preprocessing.Scaling.NONE, Set.of(), Preprocessing.Imputation.MEDIAN), 3, 10, 9);

        double optimum = optimalInertia(values, 3);
        assertThat(outcome.inertia()).isGreaterThanOrEqualTo(optimum * (1 - 1e-9)).isLessThanOrEqualTo(optimum * 1.005);
    }

    @Test
    void theSameSeedGivesTheSameBytesWhateverTheThreads() throws Exception {
        Random random = new Random(41);
        double[][] rows = new double[N][3];
        for (double[] row : rows) {
            for (int j = 0; j < 3; j++) {
                row[j] = Math.exp(random.nextGaussian()) + j * random.nextDouble(); // skewed, no crisp groups
            }
        }
        FeatureMatrix matrix = new FeatureMatrix(List.of("a", "b", "c"), rows);

        SegmentationOutcome alone = new java.util.concurrent.ForkJoinPool(1)
                .submit(() -> Segment.kRange(matrix, 2, 5, KSelectionMethod.SILHOUETTE, 3, 11)).get();
        SegmentationOutcome together = new java.util.concurrent.ForkJoinPool(2)
                .submit(() -> Segment.kRange(matrix, 2, 5, KSelectionMethod.SILHOUETTE, 3, 11)).get();

        assertThat(together.assignments()).containsExactly(alone.assignments());
        assertThat(together.distances()).containsExactly(alone.distances());
        assertThat(together.inertia()).isEqualTo(alone.inertia());
        assertThat(together.quality()).isEqualTo(alone.quality());
        assertThat(together.search()).isEqualTo(alone.search());
    }

    /**
     * On data like customers' (the credit-card customers resampled, each value times 1 + N(0, 0.05)), one seeded
     * k-means++ run can land several percent worse than another: the restarts on the sample must find as good a
     * partition as the best of several independent Smile fits on all the customers.
     */
    @Test
    void onCustomerLikeDataTheInertiaMatchesTheBestOfIndependentFitsOnEveryone() throws IOException {
        double[][] points = Preprocessor.prepare(resampledCreditCardCustomers(N, 47), Preprocessing.DEFAULT).scaled();

        double ours = KMeansClusterer.fit(points, 3, Fitting.restarts(10), 1, new RunControl()).inertia();

        double best = Double.POSITIVE_INFINITY;
        for (int run = 1; run <= 5; run++) {
            MathEx.setSeed(run);
            best = Math.min(best, Arrays.stream(KMeans.fit(points, 3, 100).proximity()).sum());
        }
        assertThat(ours).isLessThanOrEqualTo(best * 1.005);
    }

    /** Rows of src/test/resources/datasets/cc-general.csv drawn with replacement, each value times 1 + N(0, 0.05). */
    static FeatureMatrix resampledCreditCardCustomers(int n, long seed) throws IOException {
        List<String> lines;
        try (InputStream in = SampledFitKnownAnswersTest.class.getResourceAsStream("/datasets/cc-general.csv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        List<String> header = List.of(lines.getFirst().split(","));
        double[][] source = lines.stream().skip(1).map(line -> Arrays.stream(line.split(",", -1)).skip(1)
                .mapToDouble(value -> value.isEmpty() ? Double.NaN : Double.parseDouble(value)).toArray())
                .toArray(double[][]::new);
        Random random = new Random(seed);
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = Arrays.stream(source[random.nextInt(source.length)])
                    .map(value -> value * (1 + 0.05 * random.nextGaussian())).toArray();
        }
        return new FeatureMatrix(header.subList(1, header.size()), rows);
    }

    @Test
    void theDivideAndConquerOptimumIsTheFullTablesOptimum() {
        Random random = new Random(43);
        double[] values = random.doubles(200).map(v -> v * v * 10).toArray();

        assertThat(optimalInertia(values, 4)).isCloseTo(KnownAnswersTest.optimalInertia(values, 4),
                org.assertj.core.api.Assertions.within(1e-9));
    }

    /**
     * The least within-cluster sum of squares of k contiguous runs of the sorted values (an optimal partition in
     * one dimension is such runs), by dynamic programming; the best split points move right as the runs' end does
     * (Grønlund et al., 2017), so each row of the table is found by divide and conquer.
     */
    static double optimalInertia(double[] values, int k) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double[] sums = new double[n + 1];
        double[] squares = new double[n + 1];
        for (int i = 0; i < n; i++) {
            sums[i + 1] = sums[i] + sorted[i];
            squares[i + 1] = squares[i] + sorted[i] * sorted[i];
        }
        double[] previous = new double[n + 1]; // previous[m]: c - 1 runs over the first m values
        Arrays.fill(previous, Double.POSITIVE_INFINITY);
        previous[0] = 0;
        for (int c = 1; c <= k; c++) {
            double[] current = new double[n + 1];
            Arrays.fill(current, Double.POSITIVE_INFINITY);
            fill(current, previous, sums, squares, 1, n, 0, n - 1);
            previous = current;
        }
        return previous[n];
    }

    private static void fill(double[] current, double[] previous, double[] sums, double[] squares, int from, int to,
                             int splitFrom, int splitTo) {
        if (from > to) {
            return;
        }
        int m = (from + to) / 2;
        int bestSplit = splitFrom;
        for (int start = splitFrom; start <= Math.min(m - 1, splitTo); start++) {
            double sum = sums[m] - sums[start];
            double cost = previous[start] + squares[m] - squares[start] - sum * sum / (m - start);
            if (cost < current[m]) {
                current[m] = cost;
                bestSplit = start;
            }
        }
        fill(current, previous, sums, squares, from, m - 1, splitFrom, bestSplit);
        fill(current, previous, sums, squares, m + 1, to, bestSplit, splitTo);
    }
}
