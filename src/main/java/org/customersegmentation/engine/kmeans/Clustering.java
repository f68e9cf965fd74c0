package org.customersegmentation.engine.kmeans;

/**
 * A k-means partition in the space it was fitted in.
 *
 * @param centroids         k cluster centres
 * @param labels            each row's cluster, 0..k-1
 * @param squaredDistances  each row's squared Euclidean distance to its centre
 */
public record Clustering(double[][] centroids, int[] labels, double[] squaredDistances) {

    public int k() {
        return centroids.length;
    }

    /** Within-cluster sum of squared distances. */
    public double inertia() {
        double sum = 0;
        for (double d : squaredDistances) {
            sum += d;
        }
        return sum;
    }
}
