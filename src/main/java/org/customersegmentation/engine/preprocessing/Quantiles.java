package org.customersegmentation.engine.preprocessing;

import smile.sort.QuickSelect;

/**
 * Quantiles as numpy computes them by default (linear interpolation between the order statistics around
 * (n - 1) * p), found by selection in linear time rather than by sorting.
 */
public final class Quantiles {

    private Quantiles() {
    }

    /** The p-quantile of non-empty values without NaN. Reorders the values. */
    public static double of(double[] values, double p) {
        int n = values.length;
        double position = (n - 1) * p;
        int below = (int) Math.floor(position);
        double lower = QuickSelect.select(values, below); // the smaller values now lie before it, the larger after
        if (below + 1 >= n) {
            return lower;
        }
        double upper = values[below + 1];
        for (int i = below + 2; i < n; i++) {
            upper = Math.min(upper, values[i]);
        }
        return lower + (position - below) * (upper - lower);
    }
}
