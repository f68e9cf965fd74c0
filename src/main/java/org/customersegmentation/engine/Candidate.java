package org.customersegmentation.engine;

/**
 * One k tried in a k range: what its best k-means partition scored.
 *
 * @param smallestShare the smallest segment's size as a fraction of all customers
 */
public record Candidate(int k, double inertia, ClusterQuality quality, double smallestShare) {
}
