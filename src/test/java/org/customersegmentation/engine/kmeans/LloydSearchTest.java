package org.customersegmentation.engine.kmeans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import smile.clustering.Clustering.Options;
import smile.math.MathEx;

class LloydSearchTest {

    @Test
    void withAndWithoutATreeTheSameStartEndsInTheSamePartition() {
        // 3,000 points around 6 centres in 4 dimensions, 500 each, one unit of noise
        Random random = new Random(11);
        double[][] centres = new double[6][4];
        for (double[] centre : centres) {
            for (int j = 0; j < 4; j++) {
                centre[j] = 30 * random.nextDouble();
            }
        }
        double[][] points = new double[3000][4];
        int[] truth = new int[points.length];
        for (int i = 0; i < points.length; i++) {
            truth[i] = i % 6;
            for (int j = 0; j < 4; j++) {
                points[i][j] = centres[truth[i]][j] + random.nextGaussian();
            }
        }
        LloydSearch tree = LloydSearch.forWork(points, LloydSearch.TREE_FROM_CENTRE_FITS);
        LloydSearch bruteForce = LloydSearch.forWork(points, 1);

        int recovered = 0;
        for (long seed = 1; seed <= 5; seed++) {
            MathEx.setSeed(seed);
            Clustering overTree = tree.fit(new Options(6, 100));
            MathEx.setSeed(seed);
            Clustering direct = bruteForce.fit(new Options(6, 100));

            assertThat(direct.labels()).containsExactly(overTree.labels());
            for (int c = 0; c < 6; c++) {
                assertThat(direct.centroids()[c]).containsExactly(overTree.centroids()[c], within(1e-9));
            }
            assertThat(direct.inertia()).isCloseTo(overTree.inertia(), within(1e-6));
            recovered += groupsOf(direct.labels(), truth).size() == 6 ? 1 : 0;
        }
        // a single start can settle in a local optimum, but the search is not what decides that
        assertThat(recovered).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aTreeIsBuiltOnlyForEnoughFitsAndOnlyIfItFitsInAQuarterOfTheHeap() {
        long gigabyte = 1L << 30;

        assertThat(LloydSearch.wantsTree(LloydSearch.TREE_FROM_CENTRE_FITS - 1, 100, 3, gigabyte)).isFalse();
        assertThat(LloydSearch.wantsTree(LloydSearch.TREE_FROM_CENTRE_FITS, 100, 3, gigabyte)).isTrue();
        // 1,000,000 x 20 values would need about 2 GB of tree: too much for a quarter of 4 GB, not of 8 GB
        assertThat(LloydSearch.treeBytes(1_000_000, 20)).isEqualTo(2_000_000_000L);
        assertThat(LloydSearch.wantsTree(1000, 1_000_000, 20, 4 * gigabyte)).isFalse();
        assertThat(LloydSearch.wantsTree(1000, 1_000_000, 20, 8 * gigabyte)).isTrue();
    }

    private static Set<String> groupsOf(int[] labels, int[] truth) {
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i < labels.length; i++) {
            pairs.add(truth[i] + "->" + labels[i]);
        }
        return pairs;
    }
}
