package org.customersegmentation.engine;

import java.util.List;
import java.util.Locale;

/**
 * How k was chosen from a range: the method, and every candidate tried, by k.
 *
 * @param minSegmentShare a candidate whose smallest segment holds a smaller share of the customers was not
 *                        eligible; 0 when every candidate was
 */
public record KSearch(KSelectionMethod method, double minSegmentShare, List<CandidateFit> candidates) {

    public KSearch(KSelectionMethod method, List<CandidateFit> candidates) {
        this(method, 0, candidates);
    }

    /** Why the candidate could not be chosen, in the caller's terms; null when it could. */
    public String exclusionReason(CandidateFit candidate) {
        if (candidate.smallestShare() >= minSegmentShare) {
            return null;
        }
        return "Its smallest segment holds " + percent(candidate.smallestShare()) + " of the customers, less than "
                + "minSegmentShare (" + percent(minSegmentShare) + ").";
    }

    public boolean excludes(CandidateFit candidate) {
        return exclusionReason(candidate) != null;
    }

    /** A share as a percentage of four significant digits at most: 2%, 0.8264%. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.4g%%", share * 100).replaceFirst("\\.?0+%$", "%");
    }

    /**
     * One k tried in a k range: what its best k-means partition scored.
     *
     * @param smallestShare the smallest segment's size as a fraction of all customers
     */
    public record CandidateFit(int k, double inertia, ClusterQuality quality, double smallestShare) {
    }
}
