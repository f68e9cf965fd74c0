package org.customersegmentation.engine;

import java.util.List;

/**
 * One segment as a person reads it.
 *
 * @param segment   0..k-1, numbered by size, largest first
 * @param share     size / number of customers
 * @param centroid  the cluster centre taken back to original units, one value per numeric feature
 * @param stats     per numeric feature, the members' values summarized
 * @param zScores   per numeric feature, how far the members' mean lies from all customers' mean, in all customers'
 *                  (population) standard deviations; 0 for a constant feature, NaN when no member has a value
 * @param categories per categorical feature, the share of each value among the members and its lift
 * @param distinguishing what sets the segment apart, strongest first: numeric features whose |z| is at least 0.5,
 *                  and categorical values, as {@code feature=value}, whose indicator's z is at least 0.5
 * @param label     a name built from the strongest distinguishing features, unique within the segmentation
 */
public record SegmentProfile(int segment, int size, double share, double[] centroid, List<FeatureStats> stats,
                             double[] zScores, List<CategoryShares> categories, List<String> distinguishing,
                             String label) {
}
