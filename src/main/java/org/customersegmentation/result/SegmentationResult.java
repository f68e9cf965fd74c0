package org.customersegmentation.result;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A finished segmentation as callers read it.
 *
 * @param features         the features clustered on, in request order
 * @param droppedCustomers customers left out because they missed a feature (missingValues DROP_ROWS); they have
 *                         no segment, and shares are of the customers segmented
 */
public record SegmentationResult(UUID jobId, int k, List<String> features, int droppedCustomers, Metrics metrics,
                                 KSelection kSelection,
                                 List<FeaturePreparation> preprocessing, List<Segment> segments) {

    /**
     * How a feature was turned into the clustering space, enough to reproduce it elsewhere:
     * {@code x' = log1p(x)} when {@code transform} says so, a missing {@code x'} becomes {@code imputed}, and
     * {@code z = (x' - center) / scale}. Null for results stored before it was recorded.
     */
    public record FeaturePreparation(String feature, String transform, double imputed, double center, double scale) {
    }

    /**
     * How k was chosen from a range (null for a fixed k): the table the seeds plot as an elbow curve and a
     * silhouette plot.
     *
     * @param method     SILHOUETTE, ELBOW, DAVIES_BOULDIN or CALINSKI_HARABASZ
     * @param candidates every k tried, by k
     */
    public record KSelection(String method, int chosenK, List<Candidate> candidates) {
    }

    /** @param smallestShare the smallest segment's size as a fraction of all customers */
    public record Candidate(int k, double inertia, Double silhouette, Double daviesBouldin, Double calinskiHarabasz,
                            double smallestShare) {
    }

    /**
     * Measured in the standardized space the clustering ran in; an index is null where it is undefined.
     *
     * @param inertia               within-cluster sum of squared distances (lower is tighter)
     * @param silhouette            mean silhouette coefficient, -1 to 1 (higher is better)
     * @param silhouetteSampleSize  customers the silhouette was computed over: all up to 10,000, else a seeded
     *                              uniform sample of 10,000
     * @param daviesBouldin         Davies-Bouldin index (lower is better)
     * @param calinskiHarabasz      Calinski-Harabasz index (higher is better)
     */
    public record Metrics(double inertia, Double silhouette, Integer silhouetteSampleSize, Double daviesBouldin,
                          Double calinskiHarabasz) {
    }

    /**
     * @param segment        0..k-1, numbered by size, largest first
     * @param label          a name from the strongest distinguishing features, unique within the result
     * @param share          size as a fraction of all customers
     * @param distinguishing the features whose members' mean is at least half a standard deviation from all
     *                       customers' mean, strongest first
     * @param zScores        feature to how many (population) standard deviations the members' mean lies from all
     *                       customers' mean
     * @param centroid       feature to the segment centre's value, in original units
     * @param features       feature to the members' summary, in original units
     */
    public record Segment(int segment, String label, int size, double share, List<String> distinguishing,
                          Map<String, Double> zScores, Map<String, Double> centroid, Map<String, FeatureSummary> features) {
    }

    /**
     * Over the members that have a value (null when none has); std is the sample standard deviation.
     */
    public record FeatureSummary(Double mean, Double std, Double min, Double median, Double max) {
    }
}
