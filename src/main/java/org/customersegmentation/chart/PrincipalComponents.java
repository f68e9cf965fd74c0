package org.customersegmentation.chart;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The first two principal components of points, for drawing them flat. Pure Java (EJML's symmetric eigen
 * decomposition of the d x d covariance), unlike Smile's PCA, which needs a native BLAS.
 *
 * @param mean        the points' mean, which projections are centred on
 * @param components  up to two unit vectors, the direction of most variance first; each points so that its
 *                    largest entry (by magnitude) is positive, so the picture does not flip between runs
 * @param varianceShare each component's share of the total variance (0 when the points do not vary at all)
 */
public record PrincipalComponents(double[] mean, double[][] components, double[] varianceShare) {

    public static PrincipalComponents of(double[][] points) {
        if (points.length == 0) {
            throw new IllegalArgumentException("no points");
        }
        int d = points[0].length;
        double[] mean = new double[d];
        for (double[] point : points) {
            for (int j = 0; j < d; j++) {
                mean[j] += point[j] / points.length;
            }
        }
        DMatrixRMaj covariance = new DMatrixRMaj(d, d);
        for (double[] point : points) {
            for (int a = 0; a < d; a++) {
                double da = point[a] - mean[a];
                for (int b = a; b < d; b++) {
                    covariance.add(a, b, da * (point[b] - mean[b]) / points.length);
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                covariance.set(a, b, covariance.get(b, a));
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eigen = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eigen.decompose(covariance)) {
            throw new IllegalStateException("the covariance matrix could not be decomposed");
        }
        double total = IntStream.range(0, d).mapToDouble(a -> covariance.get(a, a)).sum();
        Integer[] order = IntStream.range(0, eigen.getNumberOfEigenvalues()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> eigen.getEigenvalue(i).getReal()).reversed());
        int kept = Math.min(2, d);
        double[][] components = new double[kept][];
        double[] shares = new double[kept];
        for (int c = 0; c < kept; c++) {
            components[c] = oriented(eigen.getEigenVector(order[c]).getData().clone());
            shares[c] = total > 0 ? Math.max(0, eigen.getEigenvalue(order[c]).getReal()) / total : 0;
        }
        return new PrincipalComponents(mean, components, shares);
    }

    /** The point's coordinates along the components. */
    public double[] project(double[] point) {
        double[] projected = new double[components.length];
        for (int c = 0; c < components.length; c++) {
            for (int j = 0; j < point.length; j++) {
                projected[c] += (point[j] - mean[j]) * components[c][j];
            }
        }
        return projected;
    }

    private static double[] oriented(double[] vector) {
        double norm = Math.sqrt(Arrays.stream(vector).map(x -> x * x).sum());
        int largest = 0;
        for (int j = 1; j < vector.length; j++) {
            if (Math.abs(vector[j]) > Math.abs(vector[largest]) + 1e-12) {
                largest = j;
            }
        }
        double sign = vector[largest] < 0 ? -1 : 1;
        for (int j = 0; j < vector.length; j++) {
            vector[j] = sign * vector[j] / norm;
        }
        return vector;
    }
}
