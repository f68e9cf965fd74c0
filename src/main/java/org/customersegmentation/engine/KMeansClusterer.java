package org.customersegmentation.engine;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import smile.clustering.BBDTree;
import smile.clustering.CentroidClustering;
import smile.clustering.Clustering.Options;
import smile.clustering.KMeans;
import smile.math.MathEx;
import smile.util.AlgoStatus;
import smile.util.IterativeAlgorithmController;

/**
 * Fits k-means with Smile (k-means++ seeding, BBD-tree Lloyd iterations), restarting several times and keeping
 * the partition with the lowest inertia.
 */
public final class KMeansClusterer {

    private KMeansClusterer() {
    }

    /**
     * @param points     the rows to cluster, already scaled
     * @param k          the number of clusters
     * @param restarts   how many k-means++ starts to try
     * @param seed       makes the outcome reproducible: the same points, k, restarts and seed give the same partition
     */
    public static Clustering fit(double[][] points, int k, int restarts, long seed) {
        return fit(points, k, Fitting.restarts(restarts), seed);
    }

    public static Clustering fit(double[][] points, int k, Fitting fitting, long seed) {
        return fit(points, k, fitting, seed, RunControl.none());
    }

    static Clustering fit(double[][] points, int k, Fitting fitting, long seed, RunControl control) {
        requireEnoughDistinctPoints(points, k);
        return fit(new BBDTree(points), points, k, fitting, seed, control);
    }

    /**
     * The same, on a BBD tree of the points built beforehand: the tree depends on the points only, so one tree
     * serves every restart and every k of a range.
     */
    static Clustering fit(BBDTree tree, double[][] points, int k, Fitting fitting, long seed, RunControl control) {
        // Smile draws its random numbers from a per-thread generator: seeding it here, on the fitting thread,
        // makes the restarts below a deterministic sequence.
        MathEx.setSeed(seed);
        control.fitting(k);
        CentroidClustering<double[], double[]> best = null;
        for (int run = 0; run < fitting.restarts(); run++) {
            CentroidClustering<double[], double[]> candidate;
            try (IterativeAlgorithmController<AlgoStatus> controller = control.nextFit()) {
                candidate = KMeans.fit(tree, points, new Options(k, fitting.maxIterations(), fitting.tolerance(), controller));
            }
            control.checkpoint(); // a stopped fit is unfinished: it must not count
            control.fitFinished();
            if (best == null || inertia(candidate) < inertia(best)) {
                best = candidate;
            }
        }
        return new Clustering(best.centers(), best.group(), best.proximity());
    }

    private static double inertia(CentroidClustering<double[], double[]> clustering) {
        return Arrays.stream(clustering.proximity()).sum();
    }

    /** Smile's k-means++ seeding never ends when there are fewer distinct points than clusters. */
    static void requireEnoughDistinctPoints(double[][] points, int k) {
        int distinct = distinctPoints(points, k);
        if (distinct >= k) {
            return;
        }
        throw new EngineException("Cannot form " + k + " segments: the chosen features take only "
                + distinct + " distinct combinations of values. Choose a smaller k or other features.");
    }

    /** How many distinct points there are, counting no further than {@code enough}. */
    static int distinctPoints(double[][] points, int enough) {
        Set<List<Double>> distinct = new HashSet<>();
        for (double[] point : points) {
            distinct.add(Arrays.stream(point).boxed().toList());
            if (distinct.size() >= enough) {
                break;
            }
        }
        return distinct.size();
    }
}
