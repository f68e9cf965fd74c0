package org.customersegmentation.engine;

import java.util.List;

/**
 * What is needed to place a new customer in a finished segmentation: the preprocessing, exactly as fitted, and
 * the segments' centres in the space the clustering ran in.
 *
 * @param features   in order
 * @param logged     per feature, whether it was replaced by log1p(x) first
 * @param imputed    per feature, the value that fills a missing one (after the transform)
 * @param centers    per feature, what scaling subtracted
 * @param scales     per feature, what scaling divided by
 * @param centroids  per segment, in segment order, the centre in the clustering space
 */
public record SegmentModel(List<String> features, boolean[] logged, double[] imputed, double[] centers,
                           double[] scales, double[][] centroids) {

    /** Where a customer lands: its segment and its Euclidean distance to every centre, in the clustering space. */
    public record Placement(int segment, double[] distances) {
    }

    /**
     * Places one customer given its raw values, one per feature, NaN where missing.
     *
     * @throws EngineException when a log-transformed feature is negative
     */
    public Placement place(double[] raw) {
        double[] point = new double[raw.length];
        for (int j = 0; j < raw.length; j++) {
            double value = raw[j];
            if (logged[j] && value < 0) {
                throw new EngineException("Feature '" + features.get(j) + "' is negative; the segmentation log-transforms "
                        + "it, which needs values of 0 or more.");
            }
            value = logged[j] ? Math.log1p(value) : value;
            value = Double.isNaN(value) ? imputed[j] : value;
            point[j] = (value - centers[j]) / scales[j];
        }
        double[] distances = new double[centroids.length];
        int nearest = 0;
        for (int segment = 0; segment < centroids.length; segment++) {
            double sum = 0;
            for (int j = 0; j < point.length; j++) {
                double difference = point[j] - centroids[segment][j];
                sum += difference * difference;
            }
            distances[segment] = Math.sqrt(sum);
            if (distances[segment] < distances[nearest]) {
                nearest = segment;
            }
        }
        return new Placement(nearest, distances);
    }
}
