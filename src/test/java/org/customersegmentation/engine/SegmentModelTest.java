package org.customersegmentation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentModelTest {

    // age: centre 40, scale 10, missing -> 35; spend: log1p, centre 2, scale 1
    final SegmentModel model = new SegmentModel(List.of("age", "spend"), new boolean[] {false, true},
            new double[] {35, 2}, new double[] {40, 2}, new double[] {10, 1}, new double[][] {{0, 0}, {2, 1}}, List.of());

    @Test
    void aCustomerIsPreparedAsInTrainingAndPlacedAtTheNearestCentre() {
        // age 60 -> 2; spend e^3 - 1 -> log1p 3 -> 1: the point (2, 1) is the second centre itself
        SegmentModel.Placement placement = model.place(new double[] {60, Math.exp(3) - 1}, new String[0]);

        assertThat(placement.segment()).isEqualTo(1);
        assertThat(placement.distances()[1]).isCloseTo(0, within(1e-12));
        assertThat(placement.distances()[0]).isCloseTo(Math.sqrt(5), within(1e-12));
    }

    @Test
    void missingValuesTakeTheFittedImputation() {
        // age missing -> 35 -> -0.5; spend missing -> 2 (already transformed) -> 0: distances 0.5 and sqrt(6.25 + 1)
        SegmentModel.Placement placement = model.place(new double[] {Double.NaN, Double.NaN}, new String[0]);

        assertThat(placement.segment()).isZero();
        assertThat(placement.distances()).containsExactly(new double[] {0.5, Math.sqrt(7.25)}, within(1e-12));
    }

    @Test
    void aNegativeValueOfALogTransformedFeatureIsRefused() {
        assertThatThrownBy(() -> model.place(new double[] {40, -1}, new String[0])).isInstanceOf(EngineException.class)
                .hasMessageContaining("'spend' is negative");
    }

    @Test
    void categoriesAreOneHotEncodedAfterTheNumbersAsInTraining() {
        // x: centre 0, scale 1; region north/south centred on 0.5, 0.5 with scale 0.5: north -> (1, -1), south -> (-1, 1)
        var withRegion = new SegmentModel(List.of("x"), new boolean[] {false}, new double[] {0}, new double[] {0},
                new double[] {1}, new double[][] {{0, 1, -1}, {0, -1, 1}},
                List.of(new OneHotEncoding("region", List.of("north", "south"), new double[] {0.5, 0.5}, 0.5, "south")));

        assertThat(withRegion.place(new double[] {0}, new String[] {"north"}).segment()).isZero();
        assertThat(withRegion.place(new double[] {0}, new String[] {null}).segment()).isEqualTo(1);
        // an unseen region is (0 - 0.5) / 0.5 = -1 in both columns: sqrt(0 + 4 + 0) from either centre
        assertThat(withRegion.place(new double[] {0}, new String[] {"west"}).distances()).containsExactly(2, 2);
    }
}
