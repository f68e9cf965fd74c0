package org.customersegmentation.engine.kmeans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.customersegmentation.engine.EngineException;
import org.customersegmentation.engine.Fitting;
import org.customersegmentation.engine.RunControl;
import org.junit.jupiter.api.Test;

class KMeansClustererTest {

    @Test
    void fourPointsInTwoPairsHaveTheHandComputedCentresAndInertia() {
        // pairs {(0,0),(0,4)} and {(10,0),(10,4)}: centres (0,2) and (10,2); every point is 2 away, squared 4,
        // so the inertia is 16
        double[][] points = {{0, 0}, {10, 0}, {0, 4}, {10, 4}};

        Clustering clustering = KMeansClusterer.fit(points, 2, Fitting.restarts(5), 1, new RunControl());

        assertThat(clustering.labels()[0]).isEqualTo(clustering.labels()[2]).isNotEqualTo(clustering.labels()[1]);
        assertThat(clustering.labels()[1]).isEqualTo(clustering.labels()[3]);
        assertThat(clustering.centroids()[clustering.labels()[0]]).containsExactly(new double[] {0, 2}, within(1e-12));
        assertThat(clustering.centroids()[clustering.labels()[1]]).containsExactly(new double[] {10, 2}, within(1e-12));
        assertThat(clustering.squaredDistances()).containsOnly(4.0);
        assertThat(clustering.inertia()).isCloseTo(16, within(1e-12));
    }

    @Test
    void wellSeparatedBlobsAreFoundExactly() {
        Random random = new Random(3);
        double[][] centres = {{0, 0, 0}, {20, 0, 5}, {0, 25, -10}, {15, 15, 15}};
        double[][] points = new double[400][];
        int[] truth = new int[400];
        for (int i = 0; i < points.length; i++) {
            truth[i] = i % 4;
            points[i] = Arrays.stream(centres[truth[i]]).map(c -> c + random.nextGaussian()).toArray();
        }

        Clustering clustering = KMeansClusterer.fit(points, 4, Fitting.restarts(10), 99, new RunControl());

        Set<String> pairs = new HashSet<>();
        for (int i = 0; i < points.length; i++) {
            pairs.add(truth[i] + "->" + clustering.labels()[i]);
        }
        assertThat(pairs).hasSize(4);
    }

    @Test
    void theSameSeedGivesTheSamePartitionAndAnotherSeedADifferentOne() {
        Random random = new Random(5);
        double[][] points = new double[300][];
        for (int i = 0; i < points.length; i++) {
            points[i] = new double[] {random.nextDouble(), random.nextDouble()};
        }

        Clustering first = KMeansClusterer.fit(points, 6, Fitting.restarts(3), 42, new RunControl());
        Clustering second = KMeansClusterer.fit(points, 6, Fitting.restarts(3), 42, new RunControl());

        assertThat(second.labels()).containsExactly(first.labels());
        assertThat(second.centroids()).isDeepEqualTo(first.centroids());
        assertThat(second.inertia()).isEqualTo(first.inertia());
        // Uniform points have no natural partition, so with one start each, other seeds settle elsewhere.
        assertThat(KMeansClusterer.fit(points, 6, Fitting.restarts(1), 43, new RunControl()).inertia()).isNotEqualTo(KMeansClusterer.fit(points, 6, Fitting.restarts(1), 42, new RunControl()).inertia());
    }

    @Test
    void fewerDistinctPointsThanSegmentsIsRefusedInsteadOfLoopingForever() {
        double[][] points = {{1, 1}, {1, 1}, {2, 2}, {1, 1}};

        assertThatThrownBy(() -> KMeansClusterer.fit(points, 3, Fitting.restarts(1), 1, new RunControl()))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("only 2 distinct combinations");
    }

    @Test
    void fewerIterationsStopEarlierAndNeverDoBetter() {
        java.util.Random random = new java.util.Random(3);
        double[][] points = new double[2000][2];
        for (double[] point : points) {
            point[0] = random.nextDouble();
            point[1] = random.nextDouble();
        }

        Clustering one = KMeansClusterer.fit(points, 8, new Fitting(1, 1, 1e-4), 7, new RunControl());
        Clustering many = KMeansClusterer.fit(points, 8, new Fitting(1, 100, 1e-4), 7, new RunControl());

        // the same seeding, then one Lloyd step against as many as it takes: uniform points need several
        assertThat(many.inertia()).isLessThan(one.inertia());
    }
}
