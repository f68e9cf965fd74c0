package org.customersegmentation.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PrincipalComponentsTest {

    /**
     * Four points at ±2u and ±1v around (5, -3), u and v the axes turned by 30°: the population covariance is
     * 2uu' + 0.5vv', so the components are u then v, with 80% and 20% of the variance, and each point projects to
     * its own coordinates (±2, 0) or (0, ±1).
     */
    @Test
    void aRotatedCrossHasItsArmsAsComponents() {
        double c = Math.cos(Math.PI / 6);
        double s = Math.sin(Math.PI / 6);
        double[] u = {c, s};
        double[] v = {-s, c};
        double[][] points = {point(2, u), point(-2, u), point(1, v), point(-1, v)};

        PrincipalComponents pca = PrincipalComponents.of(points);

        assertThat(pca.varianceShare()[0]).isCloseTo(0.8, within(1e-12));
        assertThat(pca.varianceShare()[1]).isCloseTo(0.2, within(1e-12));
        assertThat(pca.components()[0]).containsExactly(u, within(1e-12));
        assertThat(pca.components()[1]).containsExactly(v, within(1e-12));
        assertThat(pca.mean()).containsExactly(new double[] {5, -3}, within(1e-12));
        assertThat(pca.project(points[0])).containsExactly(new double[] {2, 0}, within(1e-12));
        assertThat(pca.project(points[3])).containsExactly(new double[] {0, -1}, within(1e-12));
    }

    /** Points spread along the third axis only: all the variance is there, and it comes first. */
    @Test
    void inMoreDimensionsTheWidestAxisComesFirstAndSharesAddUpToAtMostOne() {
        Random random = new Random(3);
        double[][] points = new double[500][];
        for (int i = 0; i < points.length; i++) {
            points[i] = new double[] {random.nextGaussian(), 0.5 * random.nextGaussian(), 10 * random.nextGaussian(), 1};
        }

        PrincipalComponents pca = PrincipalComponents.of(points);

        assertThat(Math.abs(pca.components()[0][2])).isCloseTo(1, within(1e-3));
        assertThat(Math.abs(pca.components()[1][0])).isCloseTo(1, within(1e-2));
        assertThat(pca.varianceShare()[0]).isGreaterThan(0.98);
        assertThat(pca.varianceShare()[0] + pca.varianceShare()[1]).isLessThanOrEqualTo(1 + 1e-12);
    }

    @Test
    void oneFeatureHasOneComponentAndIdenticalPointsShareNothing() {
        PrincipalComponents single = PrincipalComponents.of(new double[][] {{1}, {3}});
        assertThat(single.components()).hasNumberOfRows(1);
        assertThat(single.project(new double[] {3})).containsExactly(1.0);

        PrincipalComponents still = PrincipalComponents.of(new double[][] {{1, 2}, {1, 2}});
        assertThat(still.varianceShare()).containsExactly(0.0, 0.0);
    }

    private static double[] point(double length, double[] direction) {
        return new double[] {5 + length * direction[0], -3 + length * direction[1]};
    }
}
