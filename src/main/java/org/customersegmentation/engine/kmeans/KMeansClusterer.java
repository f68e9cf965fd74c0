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
 *
 * <p>On more than {@link #FIT_SAMPLE} points, the restarts run on a seeded uniform sample of that many, and the best
 * of them is then refined by Lloyd's iterations over all the points ({@link LloydRefinement}): the restarts find a
 * good basin on the sample at a fraction of the cost, and the refinement settles it on every customer.
 */
public final class KMeansClusterer {

    /** The most points the restarts, and the fits of a k range, run on. */
    public static final int FIT_SAMPLE = 50_000;

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
        double[][] sample = sample(points, k, seed);
        Clustering best = fit(LloydSearch.forWork(sample, (long) k * fitting.restarts()), k, fitting, seed, control);
        return sample == points ? best : refineOnAll(points, best, fitting, control);
    }

    /**
     * Fits every k from {@code minK} to {@code maxK} as {@link #fit} would fit each alone (the same seed for each),
     * on as many threads as the fork-join pool it runs in has (the common pool's outside one), the largest k first;
     * but on more than {@link #FIT_SAMPLE} points, it stops short of the refinement: each candidate is its sample's
     * best centres with every point at the nearest. {@link #refine} finishes the one chosen.
     *
     * @return the clusterings in the order of k
     */
    public static List<Clustering> fitEach(double[][] points, int minK, int maxK, Fitting fitting, long seed, RunControl control) {
        long centreFits = (long) (minK + maxK) * (maxK - minK + 1) / 2 * fitting.restarts();
        double[][] sample = sample(points, maxK, seed);
        LloydSearch search = LloydSearch.forWork(sample, centreFits);
        List<Clustering> fits = ParallelTasks.map(maxK - minK + 1, index -> fit(search, maxK - index, fitting, seed, control))
                .reversed();
        return sample == points ? fits
                : fits.stream().map(fit -> LloydRefinement.nearest(points, fit.centroids())).toList();
    }

    /** The candidate {@link #fitEach} gave, refined over all the points when it was fitted on a sample. */
    public static Clustering refine(double[][] points, Clustering candidate, Fitting fitting, RunControl control) {
        return points.length <= FIT_SAMPLE ? candidate : refineOnAll(points, candidate, fitting, control);
    }

    private static Clustering refineOnAll(double[][] points, Clustering fit, Fitting fitting, RunControl control) {
        control.fitting(fit.k());
        return LloydRefinement.from(points, fit.centroids(), fitting, control);
    }

    /**
     * The points the restarts run on: all of them up to {@link #FIT_SAMPLE}, else a seeded sample of that many,
     * unless the sample has fewer than {@code k} distinct points.
     */
    private static double[][] sample(double[][] points, int k, long seed) {
        if (points.length <= FIT_SAMPLE) {
            return points;
        }
        double[][] sample = Arrays.stream(Sampling.rows(points.length, FIT_SAMPLE, seed)).mapToObj(row -> points[row])
                .toArray(double[][]::new);
        return distinctPoints(sample, k) >= k ? sample : points;
    }

    private static Clustering fit(LloydSearch search, int k, Fitting fitting, long seed, RunControl control) {
        // Smile draws its random numbers from a per-thread generator: seeding it here, on the fitting thread,
        // makes the restarts below a deterministic sequence.
        MathEx.setSeed(seed);
        control.fitting(k);
        Clustering best = null;
        for (int run = 0; run < fitting.restarts(); run++) {
            IterativeAlgorithmController<AlgoStatus> controller = control.nextFit(fitting.tolerance());
            Clustering candidate;
            try {
                // the controller stops the fit on a relative change (Convergence); Smile's absolute test is off
                candidate = search.fit(new Options(k, fitting.maxIterations(), 0, controller));
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
