package org.customersegmentation.overtime.drift;

import java.util.Arrays;

/**
 * Ten bins at the deciles of a numeric feature's present training values, plus one for missing values. A bin holds
 * the values from its lower edge (inclusive) to its upper edge (exclusive); the first has no lower edge, the last
 * no upper one. Deciles that coincide (a feature with few distinct values) are one edge, so such a feature has
 * fewer bins. The deciles interpolate linearly between order statistics, as the dataset profile's percentiles do.
 */
final class NumericBins {

    private static final int DECILES = 10;

    /** The distinct deciles, increasing: the edges between the bins. */
    private final double[] edges;

    NumericBins(double[] edges) {
        this.edges = edges;
    }

    /** @param values every training customer's value, NaN where missing; at least one present */
    static NumericBins ofTraining(double[] values) {
        double[] sorted = Arrays.stream(values).filter(value -> !Double.isNaN(value)).sorted().toArray();
        if (sorted.length == 0) {
            return new NumericBins(new double[0]);
        }
        double[] edges = new double[DECILES - 1];
        int distinct = 0;
        for (int decile = 1; decile < DECILES; decile++) {
            double edge = quantile(sorted, decile / (double) DECILES);
            if (distinct == 0 || edge > edges[distinct - 1]) {
                edges[distinct++] = edge;
            }
        }
        return new NumericBins(Arrays.copyOf(edges, distinct));
    }

    double[] edges() {
        return edges.clone();
    }

    /** The bins of values, and last the one of missing values. */
    int binCount() {
        return edges.length + 2;
    }

    int missingBin() {
        return edges.length + 1;
    }

    int binOf(double value) {
        if (Double.isNaN(value)) {
            return missingBin();
        }
        int found = Arrays.binarySearch(edges, value);
        return found >= 0 ? found + 1 : -found - 1; // an edge opens the bin above it
    }

    /** How many customers fall into each bin, from column {@code j} of the rows. */
    long[] counts(double[][] rows, int j) {
        long[] counts = new long[binCount()];
        for (double[] row : rows) {
            counts[binOf(row[j])]++;
        }
        return counts;
    }

    /** Linear interpolation between the order statistics around (n - 1) * p of sorted, non-empty values (numpy's). */
    static double quantile(double[] sorted, double p) {
        double position = (sorted.length - 1) * p;
        int below = (int) Math.floor(position);
        return below + 1 < sorted.length ? sorted[below] + (position - below) * (sorted[below + 1] - sorted[below])
                : sorted[below];
    }
}
