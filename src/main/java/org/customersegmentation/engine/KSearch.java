package org.customersegmentation.engine;

import java.util.List;

/** How k was chosen from a range: the method, and every candidate tried, by k. */
public record KSearch(KSelectionMethod method, List<CandidateFit> candidates) {

    /**
     * One k tried in a k range: what its best k-means partition scored.
     *
     * @param smallestShare the smallest segment's size as a fraction of all customers
     */
    public record CandidateFit(int k, double inertia, ClusterQuality quality, double smallestShare) {
    }
}
