package org.customersegmentation.engine;

import java.util.List;

/**
 * One segment as a person reads it.
 *
 * @param segment   0..k-1, numbered by size, largest first
 * @param share     size / number of customers
 * @param centroid  the cluster centre taken back to original units, one value per feature
 * @param stats     per feature, the members' values summarized
 * @param zScores   per feature, how far the members' mean lies from all customers' mean, in all customers'
 *                  (population) standard deviations; 0 for a constant feature, NaN when no member has a value
 * @param distinguishing the features that set the segment apart (|z| of at least 0.5), strongest first
 * @param label     a name built from the strongest distinguishing features, unique within the segmentation
 */
public record SegmentProfile(int segment, int size, double share, double[] centroid, List<FeatureStats> stats,
                             double[] zScores, List<String> distinguishing, String label) {
}
