package org.customersegmentation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentModelTest {

    // age: centre 40, scale 10, missing -> 35; spend: log1p, centre 2, scale 1
    final SegmentModel model = new SegmentModel(List.of("age", "spend"), new boolean[] {false, true},
            new double[] {35, 2}, new double[] {40, 2}, new double[] {10, 1}, new double[][] {{0, 0}, {2, 1}});

    @Test
    void aCustomerIsPreparedAsInTrainingAndPlacedAtTheNearestCentre() {
        // age 60 -> 2; spend e^3 - 1 -> log1p 3 -> 1: the point (2, 1) is the second centre itself
        SegmentModel.Placement placement = model.place(new double[] {60, Math.exp(3) - 1});

        assertThat(placement.segment()).isEqualTo(1);
        assertThat(placement.distances()[1]).isCloseTo(0, within(1e-12));
        assertThat(placement.distances()[0]).isCloseTo(Math.sqrt(5), within(1e-12));
    }

    @Test
    void missingValuesTakeTheFittedImputation() {
        // age missing -> 35 -> -0.5; spend missing -> 2 (already transformed) -> 0: distances 0.5 and sqrt(6.25 + 1)
        SegmentModel.Placement placement = model.place(new double[] {Double.NaN, Double.NaN});

        assertThat(placement.segment()).isZero();
        assertThat(placement.distances()).containsExactly(new double[] {0.5, Math.sqrt(7.25)}, within(1e-12));
    }

    @Test
    void aNegativeValueOfALogTransformedFeatureIsRefused() {
        assertThatThrownBy(() -> model.place(new double[] {40, -1})).isInstanceOf(EngineException.class)
                .hasMessageContaining("'spend' is negative");
    }
}
