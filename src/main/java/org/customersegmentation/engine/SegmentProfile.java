package org.customersegmentation.engine;

import java.util.List;

/**
 * One segment as a person reads it.
 *
 * @param segment   0..k-1, numbered by size, largest first
 * @param share     size / number of customers
 * @param centroid  the cluster centre taken back to original units, one value per feature
 * @param stats     per feature, the members' values summarized
 */
public record SegmentProfile(int segment, int size, double share, double[] centroid, List<FeatureStats> stats) {
}
