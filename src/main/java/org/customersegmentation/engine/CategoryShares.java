package org.customersegmentation.engine;

import java.util.List;

/**
 * How one categorical feature is spread inside a segment, over the members that have a value.
 *
 * @param values as the feature's one-hot encoding orders them, most frequent overall first
 * @param shares per value, the fraction of the members that have it (NaN when no member has a value)
 * @param lifts  per value, its share in the segment divided by its share among all customers
 */
public record CategoryShares(String feature, List<String> values, double[] shares, double[] lifts) {
}
