package org.customersegmentation.engine.kmeans;

import smile.clustering.BBDTree;
import smile.clustering.CentroidClustering;
import smile.clustering.Clustering.Options;
import smile.clustering.KMeans;

/**
 * How Smile's k-means finds every point's nearest centre in its Lloyd iterations: over a BBD tree of the points
 * (Kanungo et al.'s filtering, which prunes whole boxes of points at once), or by comparing each point with each
 * centre. Both are exact Lloyd iterations from the same k-means++ start; they differ in floating-point rounding only.
 *
 * <p>The tree is worth its cost only for many fits: on 1,000,000 x 10 points, building it takes as long as about
 * 40 brute-force iterations of k = 8, and it holds about 1.4 KB per point ({@link #treeBytes}), some seventeen times
 * the 80 bytes of the point's own ten values.
 */
final class LloydSearch {

    /** Fits of fewer centres than this in all (k times starts, summed over every k) go without a tree. */
    static final long TREE_FROM_CENTRE_FITS = 40;
    /** The heap a tree may take at most, as a share of the most the JVM may use. */
    private static final double TREE_HEAP_SHARE = 0.25;

    private final double[][] points;
    private final BBDTree tree;

    private LloydSearch(double[][] points, BBDTree tree) {
        this.points = points;
        this.tree = tree;
    }

    /**
     * The search for fits of {@code centreFits} centres in all over these points: with a tree when that many fits
     * repay it and it fits comfortably in this JVM's heap.
     */
    static LloydSearch forWork(double[][] points, long centreFits) {
        return wantsTree(centreFits, points.length, points[0].length, Runtime.getRuntime().maxMemory())
                ? new LloydSearch(points, new BBDTree(points)) : new LloydSearch(points, null);
    }

    /** Whether fits of {@code centreFits} centres in all repay a tree, and it takes at most its share of the heap. */
    static boolean wantsTree(long centreFits, int rows, int columns, long maxHeapBytes) {
        return centreFits >= TREE_FROM_CENTRE_FITS && treeBytes(rows, columns) <= TREE_HEAP_SHARE * maxHeapBytes;
    }

    /** What Smile's tree takes, measured on JDK 25: about 800 bytes a point plus 60 a value. */
    static long treeBytes(int rows, int columns) {
        return rows * (800L + 60L * columns);
    }

    /**
     * One k-means++ start and its Lloyd iterations. Either way the centres are the means of the final groups and
     * the distances are to those centres, as Smile's tree search returns them.
     */
    Clustering fit(Options options) {
        if (tree != null) {
            CentroidClustering<double[], double[]> fit = KMeans.fit(tree, points, options);
            return new Clustering(fit.centers(), fit.group(), fit.proximity());
        }
        CentroidClustering<double[], double[]> fit = KMeans.lloyd(points, options);
        return meansOfGroups(fit.centers(), fit.group());
    }

    private Clustering meansOfGroups(double[][] centres, int[] labels) {
        int k = centres.length;
        int d = points[0].length;
        double[][] means = new double[k][d];
        int[] sizes = new int[k];
        for (int i = 0; i < points.length; i++) {
            sizes[labels[i]]++;
            for (int j = 0; j < d; j++) {
                means[labels[i]][j] += points[i][j];
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                means[c][j] = sizes[c] == 0 ? centres[c][j] : means[c][j] / sizes[c];
            }
        }
        double[] squaredDistances = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            squaredDistances[i] = SquaredDistance.between(points[i], means[labels[i]]);
        }
        return new Clustering(means, labels, squaredDistances);
    }
}
