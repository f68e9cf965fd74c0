package org.customersegmentation.result;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A finished segmentation as callers read it.
 *
 * @param features the features clustered on, in request order
 */
public record SegmentationResult(UUID jobId, int k, List<String> features, Metrics metrics, List<Segment> segments) {

    /** @param inertia within-cluster sum of squared distances, in the standardized space the clustering ran in */
    public record Metrics(double inertia) {
    }

    /**
     * @param segment  0..k-1, numbered by size, largest first
     * @param share    size as a fraction of all customers
     * @param centroid feature to the segment centre's value, in original units
     * @param features feature to the members' summary, in original units
     */
    public record Segment(int segment, int size, double share, Map<String, Double> centroid,
                          Map<String, FeatureSummary> features) {
    }

    /**
     * Over the members that have a value (null when none has); std is the sample standard deviation.
     */
    public record FeatureSummary(Double mean, Double std, Double min, Double max) {
    }
}
