package org.customersegmentation.engine.kmeans;

import java.util.List;
import java.util.stream.IntStream;
import org.customersegmentation.engine.Fitting;
import org.customersegmentation.engine.RunControl;

/**
 * Lloyd's iterations over all the points from given centres: the last step of a fit made on a sample. Smile 6.3
 * has no public way to start k-means from given centres, so these few iterations are ours. The points are split
 * into fixed blocks whose sums are added in block order, so the result does not depend on the threads.
 */
final class LloydRefinement {

    private static final int BLOCK = 8192;

    private LloydRefinement() {
    }

    /**
     * Iterates from {@code start} until the inertia converges ({@link Convergence}) or {@code maxIterations} have
     * run, and returns the partition with its centres as the means of their groups.
     */
    static Clustering from(double[][] points, double[][] start, Fitting fitting, RunControl control) {
        int n = points.length;
        int[] labels = new int[n];
        double[] squared = new double[n];
        double[][] centres = start;
        double previous = Double.POSITIVE_INFINITY;
        for (int iteration = 0; iteration < fitting.maxIterations(); iteration++) {
            control.checkpoint();
            Pass pass = pass(points, centres, labels, squared);
            centres = pass.means(centres);
            boolean converged = Convergence.converged(previous, pass.inertia(), fitting.tolerance());
            previous = pass.inertia();
            if (converged) {
                break;
            }
        }
        // the distances to the final means, which the last pass computed the groups of
        double[][] means = centres;
        blocks(n).forEach(block -> {
            for (int i = block * BLOCK; i < Math.min(n, (block + 1) * BLOCK); i++) {
                squared[i] = SquaredDistance.between(points[i], means[labels[i]]);
            }
        });
        return new Clustering(means, labels, squared);
    }

    /** Each point's nearest of the given centres. */
    static Clustering nearest(double[][] points, double[][] centres) {
        int[] labels = new int[points.length];
        double[] squared = new double[points.length];
        pass(points, centres, labels, squared);
        return new Clustering(centres, labels, squared);
    }

    private record Pass(double[][] sums, long[] counts, double inertia) {

        /** The new centres: each group's mean, or its old centre when it has lost every point. */
        double[][] means(double[][] centres) {
            double[][] means = new double[sums.length][];
            for (int c = 0; c < sums.length; c++) {
                means[c] = counts[c] == 0 ? centres[c].clone() : sums[c];
                for (int j = 0; counts[c] > 0 && j < means[c].length; j++) {
                    means[c][j] /= counts[c];
                }
            }
            return means;
        }
    }

    /** Assigns every point to its nearest centre, and sums each group. */
    private static Pass pass(double[][] points, double[][] centres, int[] labels, double[] squared) {
        int k = centres.length;
        int d = centres[0].length;
        List<Pass> partial = blocks(points.length).mapToObj(block -> {
            double[][] sums = new double[k][d];
            long[] counts = new long[k];
            double inertia = 0;
            for (int i = block * BLOCK; i < Math.min(points.length, (block + 1) * BLOCK); i++) {
                double[] point = points[i];
                int best = 0;
                double bestDistance = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double distance = SquaredDistance.between(point, centres[c]);
                    if (distance < bestDistance) {
                        bestDistance = distance;
                        best = c;
                    }
                }
                labels[i] = best;
                squared[i] = bestDistance;
                inertia += bestDistance;
                counts[best]++;
                double[] sum = sums[best];
                for (int j = 0; j < d; j++) {
                    sum[j] += point[j];
                }
            }
            return new Pass(sums, counts, inertia);
        }).toList();
        double[][] sums = new double[k][d];
        long[] counts = new long[k];
        double inertia = 0;
        for (Pass block : partial) { // in block order, whichever thread summed which block
            inertia += block.inertia();
            for (int c = 0; c < k; c++) {
                counts[c] += block.counts()[c];
                for (int j = 0; j < d; j++) {
                    sums[c][j] += block.sums()[c][j];
                }
            }
        }
        return new Pass(sums, counts, inertia);
    }

    private static IntStream blocks(int n) {
        return IntStream.range(0, (n + BLOCK - 1) / BLOCK).parallel();
    }
}
