package org.customersegmentation.engine;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.customersegmentation.engine.kmeans.Clustering;
import org.customersegmentation.engine.kmeans.KMeansClusterer;
import org.customersegmentation.engine.kmeans.ParallelTasks;

/**
 * Hennig's clusterboot (2007) for k-means: how well each segment is found again when the customers are resampled
 * and clustered anew with the same k. A segment's stability is the mean, over resamples, of its best Jaccard
 * similarity with one of the resample's clusters, both counted over the distinct customers of the resample.
 */
final class Clusterboot {

    private Clusterboot() {
    }

    /**
     * @param points the clustering space, one row per customer
     * @param labels each customer's segment, 0..k-1
     * @return per segment, its stability; NaN for a segment no counted resample holds
     */
    static double[] stability(double[][] points, int[] labels, int k, Stability stability, Fitting fitting, long seed,
                              RunControl control) {
        Fitting resampleFitting = stability.resampleFitting(fitting);
        List<double[]> best = ParallelTasks.map(stability.resamples(), resample -> {
            int[] rows = draw(points.length, seed, resample);
            double[][] sample = new double[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                sample[i] = points[rows[i]];
            }
            if (KMeansClusterer.distinctPoints(sample, k) < k) {
                return null; // k-means cannot form k clusters of it; the resample does not count
            }
            Clustering clustering = KMeansClusterer.fit(sample, k, resampleFitting, derivedSeed(seed, 2L * resample + 1),
                    control);
            return bestJaccard(labels, k, rows, clustering.labels(), k);
        });
        return mean(best, k);
    }

    /**
     * The customers of one resample, the same for the same seed and resample number: a bootstrap sample (n draws
     * with replacement) of up to {@link Stability#BOOTSTRAP_UP_TO} customers, else a uniform half-size subsample.
     */
    static int[] draw(int n, long seed, int resample) {
        long drawSeed = derivedSeed(seed, 2L * resample);
        if (n > Stability.BOOTSTRAP_UP_TO) {
            return ClusterQuality.sampleRows(n, n / 2, drawSeed);
        }
        SplittableRandom random = new SplittableRandom(drawSeed);
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = random.nextInt(n);
        }
        return rows;
    }

    /**
     * Per original cluster, its best Jaccard similarity |A ∩ B| / |A ∪ B| with a cluster B of the resample, A
     * being the cluster's customers that are in the resample; a customer drawn twice counts once. NaN for a
     * cluster none of whose customers is in the resample.
     *
     * @param labels         every customer's original cluster
     * @param rows           the customers drawn, by index into {@code labels}
     * @param resampleLabels the cluster of each draw in the resample's clustering, 0..resampleK-1
     */
    static double[] bestJaccard(int[] labels, int k, int[] rows, int[] resampleLabels, int resampleK) {
        int[] resampleLabelOf = new int[labels.length];
        Arrays.fill(resampleLabelOf, -1);
        for (int i = 0; i < rows.length; i++) {
            resampleLabelOf[rows[i]] = resampleLabels[i];
        }
        long[][] both = new long[k][resampleK];
        long[] original = new long[k];
        long[] resampled = new long[resampleK];
        for (int customer = 0; customer < labels.length; customer++) {
            int b = resampleLabelOf[customer];
            if (b >= 0) {
                both[labels[customer]][b]++;
                original[labels[customer]]++;
                resampled[b]++;
            }
        }
        double[] best = new double[k];
        for (int a = 0; a < k; a++) {
            if (original[a] == 0) {
                best[a] = Double.NaN;
                continue;
            }
            for (int b = 0; b < resampleK; b++) {
                best[a] = Math.max(best[a], (double) both[a][b] / (original[a] + resampled[b] - both[a][b]));
            }
        }
        return best;
    }

    /** Per cluster, the mean of its defined similarities, in resample order; NaN when it has none. */
    static double[] mean(List<double[]> similarities, int k) {
        double[] sums = new double[k];
        int[] counts = new int[k];
        for (double[] resample : similarities) {
            if (resample == null) {
                continue;
            }
            for (int a = 0; a < k; a++) {
                if (!Double.isNaN(resample[a])) {
                    sums[a] += resample[a];
                    counts[a]++;
                }
            }
        }
        double[] means = new double[k];
        for (int a = 0; a < k; a++) {
            means[a] = counts[a] == 0 ? Double.NaN : sums[a] / counts[a];
        }
        return means;
    }

    /** A seed for the given purpose, well mixed (SplitMix64's finalizer) so that nearby inputs give unrelated seeds. */
    private static long derivedSeed(long seed, long purpose) {
        long z = seed + 0x9E3779B97F4A7C15L * (purpose + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
