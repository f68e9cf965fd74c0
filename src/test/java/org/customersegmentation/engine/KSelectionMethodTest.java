package org.customersegmentation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.customersegmentation.engine.KSearch.CandidateFit;
import org.junit.jupiter.api.Test;

class KSelectionTest {

    @Test
    void kneedleFindsTheKneeOfAnInertiaCurve() {
        // k = 2..10; by hand, the normalized curve lies farthest below the chord at k = 4:
        // (1 - 0.25) - 41/921 = 0.7055, against 0.6022 at k = 5 and 0.5265 at k = 3
        double[] inertia = {1000, 400, 120, 100, 90, 85, 82, 80, 79};

        assertThat(KSelectionMethod.knee(inertia)).isEqualTo(2);
    }

    @Test
    void aStraightOrFlatCurveHasNoKneeAndTheFirstKIsKept() {
        assertThat(KSelectionMethod.knee(new double[] {30, 20, 10})).isZero();
        assertThat(KSelectionMethod.knee(new double[] {5, 5, 5})).isZero();
    }

    @Test
    void eachIndexPicksItsBestCandidateAndTiesGoToTheSmallerK() {
        List<CandidateFit> candidates = List.of(
                new CandidateFit(2, 100, new ClusterQuality(0.5, 10, 0.9, 300), 0.4),
                new CandidateFit(3, 60, new ClusterQuality(0.7, 10, 0.6, 250), 0.2),
                new CandidateFit(4, 50, new ClusterQuality(0.7, 10, 0.8, 400), 0.1),
                new CandidateFit(5, 45, new ClusterQuality(Double.NaN, 10, 0.5, 100), 0.05));

        assertThat(KSelectionMethod.SILHOUETTE.choose(candidates).k()).isEqualTo(3);
        assertThat(KSelectionMethod.DAVIES_BOULDIN.choose(candidates).k()).isEqualTo(5);
        assertThat(KSelectionMethod.CALINSKI_HARABASZ.choose(candidates).k()).isEqualTo(4);
    }

    @Test
    void onWellSeparatedBlobsEveryMethodFindsTheirNumber() {
        // four tight blobs at the corners of a square, 50 points each
        SplittableRandom random = new SplittableRandom(5);
        double[][] rows = new double[200][];
        for (int i = 0; i < rows.length; i++) {
            int blob = i % 4;
            rows[i] = new double[] {(blob % 2) * 20 + random.nextDouble(), (blob / 2) * 20 + random.nextDouble()};
        }
        FeatureMatrix matrix = new FeatureMatrix(List.of("x", "y"), rows);

        for (KSelectionMethod method : KSelectionMethod.values()) {
            SegmentationOutcome outcome = Segment.kRange(matrix, 2, 8, method, 5, 1);
            assertThat(outcome.segments()).as(method.name()).hasSize(4);
            assertThat(outcome.search().candidates()).extracting(CandidateFit::k).containsExactly(2, 3, 4, 5, 6, 7, 8);
        }
    }
}
