package org.customersegmentation.engine.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.customersegmentation.engine.CategoricalColumn;
import org.customersegmentation.engine.FeatureMatrix;
import org.customersegmentation.engine.OneHotEncoding;
import org.customersegmentation.engine.SegmentProfile.CategoryShares;
import org.customersegmentation.engine.SegmentProfile.FeatureStats;
import org.customersegmentation.engine.SegmentProfile;
import org.customersegmentation.engine.SegmentationOutcome;
import org.customersegmentation.engine.kmeans.Clustering;
import org.customersegmentation.engine.preprocessing.PreparedFeatures;
import org.junit.jupiter.api.Test;

class SegmentProfilerTest {

    static final double NAN = Double.NaN;

    // Five customers, one feature; the clusterer put rows 0 and 1 in cluster 0 and rows 2..4 in cluster 1.
    final FeatureMatrix original = new FeatureMatrix(List.of("spend"), new double[][] {{10}, {NAN}, {100}, {110}, {120}});
    // Hand-made preparation: centre 50, scale 10, so a scaled centre c means 50 + 10c in original units.
    final PreparedFeatures prepared = new PreparedFeatures(null, new double[] {110}, new double[] {50}, new double[] {10}, new boolean[] {false}, List.of());
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
        assertThat(outcome.segments().get(1).stats().getFirst()).isEqualTo(new FeatureStats(10, 0, 10, 10, 10, 10, 10, 10, 10));
    }

    @Test
    void zScoresCompareMembersWithAllCustomersAndNameTheSegments() {
        // all present values 10, 100, 110, 120: mean 85, population variance (75² + 15² + 25² + 35²) / 4 = 1925
        SegmentationOutcome outcome = SegmentProfiler.profile(original, prepared, clustering, null);

        SegmentProfile large = outcome.segments().get(0);
        SegmentProfile small = outcome.segments().get(1);
        assertThat(large.zScores()[0]).isCloseTo((110 - 85) / Math.sqrt(1925), within(1e-12));
        assertThat(small.zScores()[0]).isCloseTo((10 - 85) / Math.sqrt(1925), within(1e-12));
        assertThat(large.distinguishing()).containsExactly(new SegmentProfile.Trait("spend", null, large.zScores()[0], 110, 85));
        assertThat(large.label()).isEqualTo("High spend");
        assertThat(small.label()).isEqualTo("Low spend");
    }

    @Test
    void categoriesAreSharedOutPerSegmentWithTheirLiftAndOverRepresentedValuesDistinguishASegment() {
        // region over rows 0..4: north, north, south, north, missing -> all customers: north 3/4, south 1/4
        var region = new CategoricalColumn("region", List.of("south", "north"), new int[] {1, 1, 0, 1, CategoricalColumn.MISSING});
        var withRegion = new FeatureMatrix(original.features(), original.rows(), List.of(region));
        var encoded = new PreparedFeatures(null, prepared.imputed(), prepared.centers(), prepared.scales(), prepared.logged(),
                List.of(new OneHotEncoding("region", List.of("north", "south"), new double[] {0.8, 0.2}, 1, "north")));

        SegmentationOutcome outcome = SegmentProfiler.profile(withRegion, encoded, clustering, null);

        // segment 0 is rows 2..4: south, north (and one missing); segment 1 is rows 0..1: north, north
        CategoryShares large = outcome.segments().get(0).categories().getFirst();
        CategoryShares small = outcome.segments().get(1).categories().getFirst();
        assertThat(large.values()).containsExactly("north", "south");
        assertThat(large.shares()).containsExactly(0.5, 0.5);
        assertThat(large.lifts()).containsExactly(new double[] {0.5 / 0.75, 2}, within(1e-12));
        assertThat(small.shares()).containsExactly(1, 0);
        assertThat(small.lifts()).containsExactly(new double[] {1 / 0.75, 0}, within(1e-12));
        // indicator z-scores: (1/2 - 1/4) / sqrt(3/16) = 0.577 for south in segment 0, above spend's 0.570
        assertThat(outcome.segments().get(0).distinguishing()).extracting(SegmentProfile.Trait::name)
                .containsExactly("region=south", "spend");
        assertThat(outcome.segments().get(0).distinguishing().getFirst().segmentValue()).isEqualTo(0.5);
        assertThat(outcome.segments().get(0).distinguishing().getFirst().overallValue()).isEqualTo(0.25);
        assertThat(outcome.segments().get(0).label()).isEqualTo("region=south · High spend");
        assertThat(outcome.segments().get(1).label()).isEqualTo("Low spend · region=north");
    }

    @Test
    void equalSizesKeepTheClusterersOrder() {
        var tie = new Clustering(new double[][] {{1}, {-1}}, new int[] {1, 0}, new double[] {0, 0});
        var twoRows = new FeatureMatrix(List.of("spend"), new double[][] {{40}, {60}});

        SegmentationOutcome outcome = SegmentProfiler.profile(twoRows, prepared, tie, null);

        assertThat(outcome.assignments()).containsExactly(1, 0);
    }
}
