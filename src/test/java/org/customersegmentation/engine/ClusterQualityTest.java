package org.customersegmentation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.customersegmentation.engine.kmeans.Clustering;
import org.junit.jupiter.api.Test;

/** The indices against values worked out by hand from their definitions. */
class ClusterQualityTest {

    @Test
    void twoPairsOnALine() {
        // clusters {0, 2} and {10, 12}: centroids 1 and 11, grand mean 6
        double[][] points = {{0}, {2}, {10}, {12}};
        int[] labels = {0, 0, 1, 1};

        ClusterQuality quality = ClusterQuality.of(points, labels, 2, 1);

        // silhouette: for 0 and 12, a = 2, b = 11 -> 9/11; for 2 and 10, a = 2, b = 9 -> 7/9
        assertThat(quality.silhouette()).isCloseTo((9.0 / 11 + 7.0 / 9) / 2, within(1e-12));
        assertThat(quality.silhouetteSampleSize()).isEqualTo(4);
        // Davies-Bouldin: spreads 1 and 1, separation 10 -> (1 + 1) / 10
        assertThat(quality.daviesBouldin()).isCloseTo(0.2, within(1e-12));
        // Calinski-Harabasz: between 2 * 25 + 2 * 25 = 100 over k - 1 = 1; within 4 over n - k = 2 -> 50
        assertThat(quality.calinskiHarabasz()).isCloseTo(50, within(1e-9));
    }

    @Test
    void threeClustersInThePlaneWithASingleton() {
        // A {(0,0), (0,2)}, B {(4,0), (4,2)}, C {(0,10)}: centroids (0,1), (4,1), (0,10)
        double[][] points = {{0, 0}, {0, 2}, {4, 0}, {4, 2}, {0, 10}};
        int[] labels = {0, 0, 1, 1, 2};

        ClusterQuality quality = ClusterQuality.of(points, labels, 3, 1);

        // Davies-Bouldin: spreads 1, 1, 0; R(A,B) = 2/4, R(A,C) = 1/9, R(B,C) = 1/sqrt(97) -> (1/2 + 1/2 + 1/9) / 3
        assertThat(quality.daviesBouldin()).isCloseTo(10.0 / 27, within(1e-12));
        // Calinski-Harabasz: grand mean (1.6, 2.8); between 2*(1.6^2 + 1.8^2) + 2*(2.4^2 + 1.8^2) + (1.6^2 + 7.2^2)
        double between = 2 * (1.6 * 1.6 + 1.8 * 1.8) + 2 * (2.4 * 2.4 + 1.8 * 1.8) + (1.6 * 1.6 + 7.2 * 7.2);
        assertThat(quality.calinskiHarabasz()).isCloseTo((between / 2) / (4.0 / 2), within(1e-9));
        // silhouette: the singleton scores 0; (0,0): a = 2, b = min(mean(4, sqrt 20), mean(10)) = (4 + sqrt 20) / 2
        double first = ((4 + Math.sqrt(20)) / 2 - 2) / ((4 + Math.sqrt(20)) / 2);
        double second = ((4 + Math.sqrt(20)) / 2 - 2) / ((4 + Math.sqrt(20)) / 2); // (0,2): B at 4 and sqrt 20; C at 8
        double third = ((4 + Math.sqrt(20)) / 2 - 2) / ((4 + Math.sqrt(20)) / 2); // (4,0): A at 4 and sqrt 20
        double fourthB = Math.min((4 + Math.sqrt(20)) / 2, Math.sqrt(16 + 64));    // (4,2): A at sqrt 20 and 4; C at sqrt 80
        double fourth = (fourthB - 2) / fourthB;
        assertThat(quality.silhouette()).isCloseTo((first + second + third + fourth + 0) / 5, within(1e-12));
    }

    @Test
    void aBigDatasetIsSampledTheSameWayForTheSameSeed() {
        SplittableRandom random = new SplittableRandom(3);
        double[][] points = new double[500][2];
        int[] labels = new int[500];
        for (int i = 0; i < points.length; i++) {
            labels[i] = i % 2;
            points[i] = new double[] {labels[i] * 10 + random.nextDouble(), random.nextDouble()};
        }

        ClusterQuality sampled = ClusterQuality.of(points, labels, 2, 42, 100);
        ClusterQuality again = ClusterQuality.of(points, labels, 2, 42, 100);
        ClusterQuality exact = ClusterQuality.of(points, labels, 2, 42, 1000);

        assertThat(sampled.silhouetteSampleSize()).isEqualTo(100);
        assertThat(exact.silhouetteSampleSize()).isEqualTo(500);
        assertThat(again.silhouette()).isEqualTo(sampled.silhouette());
        assertThat(sampled.silhouette()).isCloseTo(exact.silhouette(), within(0.02));
        assertThat(sampled.daviesBouldin()).isEqualTo(exact.daviesBouldin()); // only the silhouette is sampled
    }

    @Test
    void withOneClusterTheSilhouetteIsUndefined() {
        ClusterQuality quality = ClusterQuality.of(new double[][] {{1}, {2}, {3}}, new int[] {1, 1, 1}, 2, 1);

        assertThat(quality.silhouette()).isNaN();
    }

    @Test
    void partitionsScoredTogetherScoreExactlyAsEachAlone() {
        // the pairs on a line, split 2 + 2 (hand-computed above), 1 + 3 and 1 + 1 + 2
        double[][] points = {{0}, {2}, {10}, {12}};
        List<Clustering> partitions = List.of(
                partition(new int[] {0, 0, 1, 1}, 2, points), partition(new int[] {0, 1, 1, 1}, 2, points),
                partition(new int[] {2, 0, 1, 1}, 3, points));

        List<ClusterQuality> together = ClusterQuality.ofEach(points, partitions, 1);

        assertThat(together.getFirst().silhouette()).isCloseTo((9.0 / 11 + 7.0 / 9) / 2, within(1e-12));
        for (int p = 0; p < partitions.size(); p++) {
            assertThat(together.get(p)).isEqualTo(ClusterQuality.of(points, partitions.get(p).labels(),
                    partitions.get(p).k(), 1));
        }
    }

    private static Clustering partition(int[] labels, int k, double[][] points) {
        return new Clustering(new double[k][points[0].length], labels, new double[points.length]);
    }
}
