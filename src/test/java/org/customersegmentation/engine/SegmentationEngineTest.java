package org.customersegmentation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentationEngineTest {

    @Test
    void twoObviousGroupsOnDifferentScalesAreSegmentedAfterStandardizing() {
        // income alone (in the tens of thousands) would decide unscaled; standardized, age splits the groups too
        var matrix = new FeatureMatrix(List.of("age", "income"), new double[][] {
                {20, 50_000}, {21, 50_500}, {22, Double.NaN}, {60, 50_200}, {61, 50_100}, {62, 50_300}, {63, 50_400}});

        SegmentationOutcome outcome = SegmentationEngine.segment(matrix, 2, 5, 7);

        assertThat(outcome.assignments()).containsExactly(1, 1, 1, 0, 0, 0, 0);
        assertThat(outcome.segments().get(0).centroid()[0]).isCloseTo(61.5, within(1e-9));
        assertThat(outcome.segments().get(1).centroid()[0]).isCloseTo(21, within(1e-9));
    }

    @Test
    void kMustLieBetweenTwoAndTheNumberOfCustomers() {
        var matrix = new FeatureMatrix(List.of("x"), new double[][] {{1}, {2}, {3}});

        assertThatThrownBy(() -> SegmentationEngine.segment(matrix, 1, 1, 1)).isInstanceOf(EngineException.class);
        assertThatThrownBy(() -> SegmentationEngine.segment(matrix, 4, 1, 1))
                .hasMessage("k must be between 2 and the number of customers (3), not 4.");
    }
}
