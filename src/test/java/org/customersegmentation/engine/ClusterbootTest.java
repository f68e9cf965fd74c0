package org.customersegmentation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClusterbootTest {

    /** The blobs as generated: scaling would stretch their spread along y to that of all of them along x. */
    static final Preprocessing UNSCALED = new Preprocessing(Preprocessing.Scaling.NONE, Set.of(),
            Preprocessing.Imputation.MEDIAN);

    @Test
    void eachClusterScoresItsBestJaccardOverTheDistinctCustomersOfTheResample() {
        // customers 0-2 in cluster 0, 3-5 in cluster 1; the bootstrap drew 0 and 4 twice, 2 and 5 not at all
        int[] labels = {0, 0, 0, 1, 1, 1};
        int[] rows = {0, 0, 1, 3, 4, 4};
        int[] resampleLabels = {0, 0, 1, 1, 1, 1};
        // in the resample: A0 = {0, 1}, A1 = {3, 4}; B0 = {0}, B1 = {1, 3, 4}
        // A0: with B0 1/2, with B1 1/4 -> 1/2; A1: with B0 0, with B1 2/3 -> 2/3
        double[] best = Clusterboot.bestJaccard(labels, 2, rows, resampleLabels, 2);

        assertThat(best[0]).isEqualTo(0.5);
        assertThat(best[1]).isCloseTo(2.0 / 3, within(1e-15));
    }

    @Test
    void aClusterWithNoCustomerInTheResampleIsUndefinedThereAndLeftOutOfItsMean() {
        int[] labels = {0, 0, 1};
        double[] best = Clusterboot.bestJaccard(labels, 2, new int[] {0, 1, 0}, new int[] {0, 1, 0}, 2);

        assertThat(best[0]).isEqualTo(0.5); // A0 = {0, 1}; B0 = {0}, B1 = {1}
        assertThat(best[1]).isNaN();
        List<double[]> resamples = new ArrayList<>();
        resamples.add(new double[] {1, 0.5});
        resamples.add(best);
        resamples.add(null); // a resample that could not be clustered
        assertThat(Clusterboot.mean(resamples, 2)).containsExactly(0.75, 0.5);
        assertThat(Clusterboot.mean(List.of(new double[] {Double.NaN}), 1)[0]).isNaN();
    }

    @Test
    void resamplesAreBootstrapsUpToAHundredThousandCustomersAndHalfSubsamplesAbove() {
        int[] bootstrap = Clusterboot.draw(100_000, 7, 0);
        assertThat(bootstrap).hasSize(100_000);
        assertThat(Arrays.stream(bootstrap).allMatch(row -> row >= 0 && row < 100_000)).isTrue();
        // with replacement about 1 - 1/e of the customers are drawn; far from all of them
        assertThat(Arrays.stream(bootstrap).distinct().count()).isBetween(60_000L, 66_000L);

        int[] subsample = Clusterboot.draw(100_001, 7, 0);
        assertThat(subsample).hasSize(50_000);
        assertThat(Arrays.stream(subsample).distinct().count()).isEqualTo(50_000);

        assertThat(Clusterboot.draw(500, 7, 3)).isEqualTo(Clusterboot.draw(500, 7, 3))
                .isNotEqualTo(Clusterboot.draw(500, 7, 4)).isNotEqualTo(Clusterboot.draw(500, 8, 3));
    }

    @Test
    void theVerdictFollowsHennigsScale() {
        assertThat(StabilityVerdict.of(0.5999)).isEqualTo(StabilityVerdict.UNSTABLE);
        assertThat(StabilityVerdict.of(0.6)).isEqualTo(StabilityVerdict.WEAK);
        assertThat(StabilityVerdict.of(0.7499)).isEqualTo(StabilityVerdict.WEAK);
        assertThat(StabilityVerdict.of(0.75)).isEqualTo(StabilityVerdict.STABLE);
        assertThat(StabilityVerdict.of(0.8499)).isEqualTo(StabilityVerdict.STABLE);
        assertThat(StabilityVerdict.of(0.85)).isEqualTo(StabilityVerdict.HIGHLY_STABLE);
        assertThat(StabilityVerdict.of(Double.NaN)).isNull();
    }

    @Test
    void wellSeparatedBlobsAreFoundAgainInEveryResample() {
        FeatureMatrix blobs = blobs(new int[] {120, 80, 50}, 1.0, 3);

        SegmentationOutcome outcome = SegmentationEngine.segment(blobs, UNSCALED, 3, Fitting.restarts(5), 9,
                new Stability(20), new RunControl());

        // each blob is its own segment in every resample: every Jaccard similarity is 1
        assertThat(outcome.stability()).containsExactly(1.0, 1.0, 1.0);
        for (int segment = 0; segment < 3; segment++) {
            assertThat(outcome.stabilityVerdict(segment)).isEqualTo(StabilityVerdict.HIGHLY_STABLE);
        }
    }

    @Test
    void splittingRoundBlobsIsUnstableAndTheSameSeedGivesTheSameScores() {
        // two round blobs, asked for five segments: where the blobs are cut changes from one resample to the next
        FeatureMatrix blobs = blobs(new int[] {150, 150}, 1.0, 4);

        SegmentationOutcome outcome = SegmentationEngine.segment(blobs, UNSCALED, 5, Fitting.restarts(5), 9,
                new Stability(20), new RunControl());
        SegmentationOutcome again = SegmentationEngine.segment(blobs, UNSCALED, 5, Fitting.restarts(5), 9,
                new Stability(20), new RunControl());

        assertThat(Arrays.stream(outcome.stability()).min().orElseThrow()).isLessThan(0.75);
        assertThat(again.stability()).isEqualTo(outcome.stability());
    }

    @Test
    void withoutTheOptionNothingIsResampled() {
        SegmentationOutcome outcome = Segment.fixedK(blobs(new int[] {30, 30}, 1.0, 5), 2, 2, 1);

        assertThat(outcome.stability()).isNull();
        assertThat(outcome.stabilityVerdict(0)).isNull();
    }

    /** Round Gaussian blobs of the given sizes, their centres 20 standard deviations apart along x. */
    static FeatureMatrix blobs(int[] sizes, double spread, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> rows = new ArrayList<>();
        for (int blob = 0; blob < sizes.length; blob++) {
            for (int i = 0; i < sizes[blob]; i++) {
                rows.add(new double[] {blob * 20 + gaussian(random) * spread, gaussian(random) * spread});
            }
        }
        return new FeatureMatrix(List.of("x", "y"), rows.toArray(double[][]::new));
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
