package org.customersegmentation.engine;

import java.util.List;

/**
 * What is needed to place a new customer in a finished segmentation: the preprocessing, exactly as fitted, and
 * the segments' centres in the space the clustering ran in.
 *
 * @param features   the numeric features, in order
 * @param logged     per numeric feature, whether it was replaced by log1p(x) first
 * @param imputed    per numeric feature, the value that fills a missing one (after the transform)
 * @param centers    per numeric feature, what scaling subtracted
 * @param scales     per numeric feature, what scaling divided by
 * @param centroids  per segment, in segment order, the centre in the clustering space
 * @param oneHot     the categorical features, in order, as they were encoded
 */
public record SegmentModel(List<String> features, boolean[] logged, double[] imputed, double[] centers,
                           double[] scales, double[][] centroids, List<OneHotEncoding> oneHot) {

    public SegmentModel {
        oneHot = List.copyOf(oneHot);
    }

    /** Where a customer lands: its segment and its Euclidean distance to every centre, in the clustering space. */
    public record Placement(int segment, double[] distances) {
    }

    /**
     * Places one customer given its raw values: one per numeric feature, NaN where missing, and one per categorical
     * feature, null where missing.
     *
     * @throws EngineException when a log-transformed feature is negative
     */
    public Placement place(double[] raw, String[] categories) {
        double[] point = toClusteringSpace(raw, categories);
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

    /**
     * The customer's point in the clustering space, from its raw values as {@link #place} takes them.
     *
     * @throws EngineException when a log-transformed feature is negative
     */
    public double[] toClusteringSpace(double[] raw, String[] categories) {
        if (raw.length != features.size() || categories.length != oneHot.size()) {
            throw new IllegalArgumentException("one value per numeric and one per categorical feature");
        }
        double[] point = new double[centroids[0].length];
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
        int offset = raw.length;
        for (int c = 0; c < oneHot.size(); c++) {
            oneHot.get(c).encode(categories[c], point, offset);
            offset += oneHot.get(c).width();
        }
        return point;
    }
}
