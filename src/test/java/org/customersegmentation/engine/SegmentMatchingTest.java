package org.customersegmentation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The matching of refitted segments to earlier ones, against hand-made centroids with known optimal pairings. */
class SegmentMatchingTest {

    @Test
    void hungarianFindsTheOptimumWhereTheGreedyPairingDoesNot() {
        // greedy takes the 1 first and must then take 100 (total 101); the optimum pairs across: 2 + 2
        assertThat(SegmentMatching.minimalAssignment(new double[][] {{1, 2}, {2, 100}})).containsExactly(1, 0);
        // a textbook case with optimum 1 + 2 + 2 = 5: row 0 → column 1, row 1 → column 0, row 2 → column 2
        assertThat(SegmentMatching.minimalAssignment(new double[][] {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}}))
                .containsExactly(1, 0, 2);
    }

    @Test
    void hungarianEqualsBruteForceOnRandomMatrices() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(6);
            double[][] cost = new double[n][n];
            for (double[] row : cost) {
                for (int j = 0; j < n; j++) {
                    row[j] = random.nextInt(20);
                }
            }
            assertThat(total(cost, SegmentMatching.minimalAssignment(cost))).isEqualTo(bruteForce(cost, new int[n], 0,
                    new boolean[n]));
        }
    }

    @Test
    void renumberedSegmentsAreFoundWithTheirShifts() {
        double[][] earlier = {{0, 0}, {10, 0}, {0, 10}};
        double[][] later = {{0, 11}, {1, 0}, {10, 0.5}}; // earlier 2, 0, 1, a little moved
        SegmentMatching.Match match = SegmentMatching.match(earlier, later);
        assertThat(match.previous()).containsExactly(2, 0, 1);
        assertThat(match.shift()[0]).isCloseTo(1, within(1e-12));
        assertThat(match.shift()[1]).isCloseTo(1, within(1e-12));
        assertThat(match.shift()[2]).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void aPairFartherThanHalfwayToTheNextEarlierCentroidIsNoMatch() {
        // earlier centroids 10 apart: a match must lie within 5 of its earlier centroid
        double[][] earlier = {{0}, {10}};
        SegmentMatching.Match match = SegmentMatching.match(earlier, new double[][] {{4.9}, {15.5}});
        assertThat(match.previous()).containsExactly(0, -1);
        assertThat(match.shift()[0]).isCloseTo(4.9, within(1e-12));
        assertThat(match.shift()[1]).isNaN();
        // exactly halfway is not closer than half
        assertThat(SegmentMatching.match(earlier, new double[][] {{5}, {10}}).previous()).containsExactly(-1, 1);
    }

    @Test
    void moreNewSegmentsThanEarlierOnesLeavesTheExtraOnesNew() {
        double[][] earlier = {{0}, {10}};
        SegmentMatching.Match match = SegmentMatching.match(earlier, new double[][] {{30}, {10.2}, {0.1}});
        assertThat(match.previous()).containsExactly(-1, 1, 0);
    }

    @Test
    void fewerNewSegmentsThanEarlierOnesRetiresTheUnmatched() {
        double[][] earlier = {{0}, {10}, {20}, {30}};
        SegmentMatching.Match match = SegmentMatching.match(earlier, new double[][] {{29}, {1}});
        assertThat(match.previous()).containsExactly(3, 0);
    }

    @Test
    void distancesAreMeasuredInTheEarlierClusteringSpace() {
        // earlier: income standardized around 1000 with scale 100, plus a categorical feature with values a, b
        SegmentModel earlier = new SegmentModel(List.of("income"), new boolean[] {false}, new double[] {1000},
                new double[] {1000}, new double[] {100}, new double[][] {{-5, 1, -1}, {5, -1, 1}},
                List.of(new OneHotEncoding("plan", List.of("a", "b"), new double[] {0.5, 0.5}, 0.5, "a")));
        // later: income log-transformed and unscaled; plan has values b, c in that order (no a)
        double high = Math.log1p(1500);
        double low = Math.log1p(500);
        SegmentModel later = new SegmentModel(List.of("income"), new boolean[] {true}, new double[] {0},
                new double[] {0}, new double[] {1}, new double[][] {{high, 1, 0}, {low, 0, 1}},
                List.of(new OneHotEncoding("plan", List.of("b", "c"), new double[] {0, 0}, 1, "b")));
        // later segment 0: income 1500, all b → (5, (0 - 0.5) / 0.5, (1 - 0.5) / 0.5) = (5, -1, 1) = earlier 1
        assertThat(SegmentMatching.inEarlierSpace(earlier, later, later.centroids()[0]))
                .containsExactly(new double[] {5, -1, 1}, within(1e-9));
        // later segment 1: income 500, all c (neither a nor b) → (-5, -1, -1), closest to earlier 0 at distance 2
        SegmentMatching.Match match = SegmentMatching.match(earlier, later);
        assertThat(match.previous()).containsExactly(1, 0);
        assertThat(match.shift()[0]).isCloseTo(0, within(1e-9));
        assertThat(match.shift()[1]).isCloseTo(2, within(1e-9));
    }

    private static double total(double[][] cost, int[] assignment) {
        double sum = 0;
        for (int i = 0; i < cost.length; i++) {
            sum += cost[i][assignment[i]];
        }
        return sum;
    }

    private static double bruteForce(double[][] cost, int[] chosen, int row, boolean[] taken) {
        if (row == cost.length) {
            return total(cost, chosen);
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < cost.length; j++) {
            if (!taken[j]) {
                taken[j] = true;
                chosen[row] = j;
                best = Math.min(best, bruteForce(cost, chosen, row + 1, taken));
                taken[j] = false;
            }
        }
        return best;
    }
}
