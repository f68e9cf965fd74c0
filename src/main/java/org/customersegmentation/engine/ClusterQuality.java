package org.customersegmentation.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.customersegmentation.engine.kmeans.Clustering;
import org.customersegmentation.engine.kmeans.Sampling;
import org.customersegmentation.engine.kmeans.SquaredDistance;

/**
 * How good a partition is, measured in the space it was fitted in, by the indices scikit-learn reports
 * (Smile has none of them). Clusters without members are left out.
 *
 * @param silhouette            mean silhouette coefficient, -1..1, higher is better; NaN when fewer than two
 *                              clusters have members (in the sample)
 * @param silhouetteSampleSize  the rows the silhouette was computed over: all of them up to
 *                              {@link #SILHOUETTE_SAMPLE}, else a seeded uniform sample of that many
 * @param daviesBouldin         mean over clusters of the worst ratio of spread to separation, lower is better
 * @param calinskiHarabasz      between- over within-cluster dispersion, each per degree of freedom, higher is better
 */
public record ClusterQuality(double silhouette, int silhouetteSampleSize, double daviesBouldin,
                             double calinskiHarabasz) {

    public static final int SILHOUETTE_SAMPLE = 10_000;

    public static ClusterQuality of(double[][] points, int[] labels, int k, long seed) {
        return of(points, labels, k, seed, SILHOUETTE_SAMPLE);
    }

    static ClusterQuality of(double[][] points, int[] labels, int k, long seed, int silhouetteSample) {
        return ofEach(points, new int[][] {labels}, new int[] {k}, seed, silhouetteSample).getFirst();
    }

    /**
     * The quality of each of several partitions of the same points, as {@link #of} gives it for each alone. The
     * silhouettes share one pass over the sample's pairwise distances, which cost the most.
     */
    static List<ClusterQuality> ofEach(double[][] points, List<Clustering> partitions, long seed) {
        return ofEach(points, partitions.stream().map(Clustering::labels).toArray(int[][]::new),
                partitions.stream().mapToInt(Clustering::k).toArray(), seed, SILHOUETTE_SAMPLE);
    }

    private static List<ClusterQuality> ofEach(double[][] points, int[][] labelings, int[] ks, long seed,
                                               int silhouetteSample) {
        int[] sample = sampleRows(points.length, silhouetteSample, seed);
        double[] silhouettes = silhouettes(points, labelings, ks, sample);
        List<ClusterQuality> qualities = new ArrayList<>();
        for (int p = 0; p < labelings.length; p++) {
            qualities.add(dispersionIndices(points, labelings[p], ks[p], silhouettes[p], sample.length));
        }
        return qualities;
    }

    private static ClusterQuality dispersionIndices(double[][] points, int[] labels, int k, double silhouette,
                                                    int silhouetteSampleSize) {
        int n = points.length;
        int d = n == 0 ? 0 : points[0].length;
        int[] sizes = new int[k];
        double[][] centroids = new double[k][d];
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            sizes[labels[i]]++;
            for (int j = 0; j < d; j++) {
                centroids[labels[i]][j] += points[i][j];
                mean[j] += points[i][j];
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                centroids[c][j] = sizes[c] == 0 ? 0 : centroids[c][j] / sizes[c];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double within = 0;
        double[] spread = new double[k];
        for (int i = 0; i < n; i++) {
            double squared = SquaredDistance.between(points[i], centroids[labels[i]]);
            within += squared;
            spread[labels[i]] += Math.sqrt(squared);
        }
        return new ClusterQuality(silhouette, silhouetteSampleSize, daviesBouldin(centroids, sizes, spread),
                calinskiHarabasz(centroids, sizes, mean, within, n));
    }

    /**
     * Every row up to the sample size, else a uniform sample of that many, in row order, the same for the same seed
     * (the silhouette's sample, and the scatter chart's).
     */
    public static int[] sampleRows(int n, int sampleSize, long seed) {
        return Sampling.rows(n, sampleSize, seed);
    }

    /**
     * Rousseeuw's silhouette of each partition over the given rows, distances among those rows only (as
     * scikit-learn's {@code silhouette_score} with {@code sample_size}); a row alone in its cluster scores 0. NaN for
     * a partition with fewer than two clusters among the rows. Each distance is computed once for all partitions.
     */
    private static double[] silhouettes(double[][] points, int[][] labelings, int[] ks, int[] rows) {
        int partitions = labelings.length;
        int d = points[0].length;
        double[] sample = new double[rows.length * d]; // the sampled rows side by side, for the cache's sake
        int[][] labels = new int[partitions][rows.length];
        int[][] sizes = new int[partitions][];
        for (int p = 0; p < partitions; p++) {
            sizes[p] = new int[ks[p]];
        }
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(points[rows[r]], 0, sample, r * d, d);
            for (int p = 0; p < partitions; p++) {
                labels[p][r] = labelings[p][rows[r]];
                sizes[p][labels[p][r]]++;
            }
        }
        double[] sums = distanceSums(sample, rows.length, d, labels, ks);
        int width = Arrays.stream(ks).sum();
        double[][] scores = new double[partitions][rows.length];
        for (int a = 0; a < rows.length; a++) {
            for (int p = 0, offset = 0; p < partitions; offset += ks[p], p++) {
                scores[p][a] = silhouette(sums, a * width + offset, sizes[p], labels[p][a]);
            }
        }
        double[] silhouettes = new double[partitions];
        for (int p = 0; p < partitions; p++) {
            double sum = 0;
            for (double score : scores[p]) { // in row order, whatever order the threads finished in
                sum += score;
            }
            boolean twoClusters = Arrays.stream(sizes[p]).filter(size -> size > 0).count() >= 2;
            silhouettes[p] = twoClusters ? sum / rows.length : Double.NaN;
        }
        return silhouettes;
    }

    private static final int SILHOUETTE_BLOCK = 256;
    private static final int SILHOUETTE_LANES = 4;

    /**
     * For each of the m rows and each partition's clusters, the sum of the row's distances to that cluster's rows:
     * row a's sums at a * width + (the k of the partitions before) + cluster, width being the sum of the k. Each
     * pair is measured once and counted for both rows. Blocks of rows are dealt to a fixed number of lanes, each
     * summing on its own, and the lanes are added in order: the sums do not depend on the threads.
     */
    private static double[] distanceSums(double[] sample, int m, int d, int[][] labels, int[] ks) {
        int partitions = ks.length;
        int width = Arrays.stream(ks).sum();
        int[] offsets = new int[partitions];
        for (int p = 1; p < partitions; p++) {
            offsets[p] = offsets[p - 1] + ks[p - 1];
        }
        int blocks = (m + SILHOUETTE_BLOCK - 1) / SILHOUETTE_BLOCK;
        double[][] lanes = IntStream.range(0, SILHOUETTE_LANES).parallel().mapToObj(lane -> {
            double[] sums = new double[m * width];
            for (int first = lane; first < blocks; first += SILHOUETTE_LANES) {
                for (int a = first * SILHOUETTE_BLOCK; a < Math.min(m, (first + 1) * SILHOUETTE_BLOCK); a++) {
                    for (int b = a + 1; b < m; b++) {
                        double distance = Math.sqrt(squaredDistance(sample, a * d, b * d, d));
                        for (int p = 0; p < partitions; p++) {
                            sums[a * width + offsets[p] + labels[p][b]] += distance;
                            sums[b * width + offsets[p] + labels[p][a]] += distance;
                        }
                    }
                }
            }
            return sums;
        }).toArray(double[][]::new);
        double[] sums = lanes[0];
        for (int lane = 1; lane < SILHOUETTE_LANES; lane++) {
            for (int i = 0; i < sums.length; i++) {
                sums[i] += lanes[lane][i];
            }
        }
        return sums;
    }

    /** One row's silhouette, from its summed distances to each cluster's rows, at sums[from + cluster]. */
    private static double silhouette(double[] sums, int from, int[] sizes, int own) {
        if (sizes[own] == 1) {
            return 0;
        }
        double within = sums[from + own] / (sizes[own] - 1);
        double nearest = Double.POSITIVE_INFINITY;
        for (int c = 0; c < sizes.length; c++) {
            if (c != own && sizes[c] > 0) {
                nearest = Math.min(nearest, sums[from + c] / sizes[c]);
            }
        }
        double larger = Math.max(within, nearest);
        return larger == 0 ? 0 : (nearest - within) / larger;
    }

    private static double daviesBouldin(double[][] centroids, int[] sizes, double[] spreadSums) {
        int k = centroids.length;
        double total = 0;
        int clusters = 0;
        for (int a = 0; a < k; a++) {
            if (sizes[a] == 0) {
                continue;
            }
            double worst = 0;
            for (int b = 0; b < k; b++) {
                if (b != a && sizes[b] > 0) {
                    double separation = Math.sqrt(SquaredDistance.between(centroids[a], centroids[b]));
                    double ratio = (spreadSums[a] / sizes[a] + spreadSums[b] / sizes[b]) / separation;
                    worst = Math.max(worst, separation == 0 ? Double.POSITIVE_INFINITY : ratio);
                }
            }
            total += worst;
            clusters++;
        }
        return total / clusters;
    }

    private static double calinskiHarabasz(double[][] centroids, int[] sizes, double[] mean, double within, int n) {
        double between = 0;
        int clusters = 0;
        for (int c = 0; c < centroids.length; c++) {
            if (sizes[c] > 0) {
                between += sizes[c] * SquaredDistance.between(centroids[c], mean);
                clusters++;
            }
        }
        return within == 0 ? Double.POSITIVE_INFINITY : (between / (clusters - 1)) / (within / (n - clusters));
    }

    private static double squaredDistance(double[] values, int a, int b, int d) {
        double sum = 0;
        for (int j = 0; j < d; j++) {
            double difference = values[a + j] - values[b + j];
            sum += difference * difference;
        }
        return sum;
    }

}
