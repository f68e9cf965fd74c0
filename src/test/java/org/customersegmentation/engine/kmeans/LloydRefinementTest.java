package org.customersegmentation.engine.kmeans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.customersegmentation.engine.Fitting;
import org.customersegmentation.engine.RunControl;
import org.junit.jupiter.api.Test;

class LloydRefinementTest {

    @Test
    void fromPoorCentresItReachesTheHandComputedPartition() {
        // pairs {(0,0),(0,4)} and {(10,0),(10,4)}: from (1,1) and (6,3) one step assigns them, the next confirms
        double[][] points = {{0, 0}, {10, 0}, {0, 4}, {10, 4}};

        Clustering clustering = LloydRefinement.from(points, new double[][] {{1, 1}, {6, 3}}, Fitting.restarts(1),
                new RunControl());

        assertThat(clustering.labels()).containsExactly(0, 1, 0, 1);
        assertThat(clustering.centroids()[0]).containsExactly(new double[] {0, 2}, within(1e-12));
        assertThat(clustering.centroids()[1]).containsExactly(new double[] {10, 2}, within(1e-12));
        assertThat(clustering.squaredDistances()).containsOnly(4.0);
    }

    @Test
    void aCentreThatLosesEveryPointStaysWhereItWas() {
        double[][] points = {{0}, {1}, {2}};

        Clustering clustering = LloydRefinement.from(points, new double[][] {{1}, {100}}, Fitting.restarts(1),
                new RunControl());

        assertThat(clustering.labels()).containsOnly(0);
        assertThat(clustering.centroids()[1]).containsExactly(100);
        assertThat(clustering.inertia()).isCloseTo(2, within(1e-12));
    }

    @Test
    void nearestPutsEachPointAtItsClosestCentre() {
        double[][] points = {{0}, {4}, {6}, {11}};

        Clustering clustering = LloydRefinement.nearest(points, new double[][] {{1}, {10}});

        assertThat(clustering.labels()).containsExactly(0, 0, 1, 1);
        assertThat(clustering.squaredDistances()).containsExactly(1, 9, 16, 1);
    }
}
