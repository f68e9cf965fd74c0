package org.customersegmentation.engine.kmeans;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.customersegmentation.engine.EngineException;
import org.customersegmentation.engine.Fitting;
import org.customersegmentation.engine.RunControl;
import smile.clustering.Clustering.Options;
import smile.math.MathEx;
import smile.util.AlgoStatus;
import smile.util.IterativeAlgorithmController;

/**
 * Fits k-means with Smile (k-means++ seeding, then Lloyd iterations, over a BBD tree when that repays: see
 * {@link LloydSearch}), restarting several times and keeping the partition with the lowest inertia.
 */
public final class KMeansClusterer {

    private KMeansClusterer() {
    }

    /**
     * @param points     the rows to cluster, already scaled
     * @param k          the number of clusters
     * @param fitting    how many k-means++ starts to try, and how long each may iterate
     * @param seed       makes the outcome reproducible: the same points, k, restarts and seed give the same partition
     */
    public static Clustering fit(double[][] points, int k, Fitting fitting, long seed, RunControl control) {
        requireEnoughDistinctPoints(points, k);
        return fit(LloydSearch.forWork(points, (long) k * fitting.restarts()), k, fitting, seed, control);
    }

    /**
     * Fits every k from {@code minK} to {@code maxK} as {@link #fit} would fit each alone (the same seed for each),
     * on as many threads as the fork-join pool it runs in has (the common pool's outside one), the largest k first.
     *
     * @return the clusterings in the order of k
     */
    public static List<Clustering> fitEach(double[][] points, int minK, int maxK, Fitting fitting, long seed, RunControl control) {
        long centreFits = (long) (minK + maxK) * (maxK - minK + 1) / 2 * fitting.restarts();
        LloydSearch search = LloydSearch.forWork(points, centreFits);
        return ParallelTasks.map(maxK - minK + 1, index -> fit(search, maxK - index, fitting, seed, control))
                .reversed();
    }

    private static Clustering fit(LloydSearch search, int k, Fitting fitting, long seed, RunControl control) {
        // Smile draws its random numbers from a per-thread generator: seeding it here, on the fitting thread,
        // makes the restarts below a deterministic sequence.
        MathEx.setSeed(seed);
        control.fitting(k);
        Clustering best = null;
        for (int run = 0; run < fitting.restarts(); run++) {
            IterativeAlgorithmController<AlgoStatus> controller = control.nextFit();
            Clustering candidate;
            try {
                candidate = search.fit(new Options(k, fitting.maxIterations(), fitting.tolerance(), controller));
            } finally {
                control.fitEnded(controller);
            }
            control.checkpoint(); // a stopped fit is unfinished: it must not count
            control.fitFinished();
            if (best == null || candidate.inertia() < best.inertia()) {
                best = candidate;
            }
        }
        return best;
    }

    /** Smile's k-means++ seeding never ends when there are fewer distinct points than clusters. */
    public static void requireEnoughDistinctPoints(double[][] points, int k) {
        int distinct = distinctPoints(points, k);
        if (distinct >= k) {
            return;
        }
        throw new EngineException("Cannot form " + k + " segments: the chosen features take only "
                + distinct + " distinct combinations of values. Choose a smaller k or other features.");
    }

    /** How many distinct points there are, counting no further than {@code enough}. */
    public static int distinctPoints(double[][] points, int enough) {
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
