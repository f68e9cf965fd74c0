package org.customersegmentation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentProfilerTest {

    static final double NAN = Double.NaN;

    // Five customers, one feature; the clusterer put rows 0 and 1 in cluster 0 and rows 2..4 in cluster 1.
    final FeatureMatrix original = new FeatureMatrix(List.of("spend"), new double[][] {{10}, {NAN}, {100}, {110}, {120}});
    // Hand-made preparation: centre 50, scale 10, so a scaled centre c means 50 + 10c in original units.
    final PreparedFeatures prepared = new PreparedFeatures(null, new double[] {110}, new double[] {50}, new double[] {10}, new boolean[] {false});
    final Clustering clustering = new Clustering(new double[][] {{-3}, {6}}, new int[] {0, 0, 1, 1, 1},
            new double[] {4, 9, 0.25, 0, 1});

    @Test
    void segmentsAreNumberedBySizeLargestFirst() {
        SegmentationOutcome outcome = SegmentProfiler.profile(original, prepared, clustering, null);

        assertThat(outcome.segments()).extracting(SegmentProfile::segment).containsExactly(0, 1);
        assertThat(outcome.segments()).extracting(SegmentProfile::size).containsExactly(3, 2);
        assertThat(outcome.segments()).extracting(SegmentProfile::share).containsExactly(0.6, 0.4);
        assertThat(outcome.assignments()).containsExactly(1, 1, 0, 0, 0);
    }

    @Test
    void centresAreInOriginalUnitsAndDistancesAreEuclidean() {
        SegmentationOutcome outcome = SegmentProfiler.profile(original, prepared, clustering, null);

        assertThat(outcome.segments().get(0).centroid()).containsExactly(110);
        assertThat(outcome.segments().get(1).centroid()).containsExactly(20);
        assertThat(outcome.distances()).containsExactly(2, 3, 0.5, 0, 1);
        assertThat(outcome.inertia()).isEqualTo(14.25);
    }

    @Test
    void memberSummariesCountOnlyPresentValues() {
        SegmentationOutcome outcome = SegmentProfiler.profile(original, prepared, clustering, null);

        FeatureStats large = outcome.segments().get(0).stats().getFirst();
        assertThat(large.mean()).isEqualTo(110);
        assertThat(large.std()).isCloseTo(10, within(1e-12));
        assertThat(large.min()).isEqualTo(100);
        assertThat(large.max()).isEqualTo(120);
        assertThat(outcome.segments().get(1).stats().getFirst()).isEqualTo(new FeatureStats(10, 0, 10, 10, 10));
    }

    @Test
    void zScoresCompareMembersWithAllCustomersAndNameTheSegments() {
        // all present values 10, 100, 110, 120: mean 85, population variance (75² + 15² + 25² + 35²) / 4 = 1925
        SegmentationOutcome outcome = SegmentProfiler.profile(original, prepared, clustering, null);

        SegmentProfile large = outcome.segments().get(0);
        SegmentProfile small = outcome.segments().get(1);
        assertThat(large.zScores()[0]).isCloseTo((110 - 85) / Math.sqrt(1925), within(1e-12));
        assertThat(small.zScores()[0]).isCloseTo((10 - 85) / Math.sqrt(1925), within(1e-12));
        assertThat(large.distinguishing()).containsExactly("spend");
        assertThat(large.label()).isEqualTo("High spend");
        assertThat(small.label()).isEqualTo("Low spend");
    }

    @Test
    void equalSizesKeepTheClusterersOrder() {
        var tie = new Clustering(new double[][] {{1}, {-1}}, new int[] {1, 0}, new double[] {0, 0});
        var twoRows = new FeatureMatrix(List.of("spend"), new double[][] {{40}, {60}});

        SegmentationOutcome outcome = SegmentProfiler.profile(twoRows, prepared, tie, null);

        assertThat(outcome.assignments()).containsExactly(1, 0);
    }
}
