package org.customersegmentation.engine;

/**
 * Summary of one feature over one segment's members, in original units, counting only the values that were
 * present (imputed values would pull the spread toward the median). All are NaN when no member has a value.
 *
 * @param std    the sample standard deviation (n - 1), 0 for a single value
 * @param median the middle value, or the mean of the two middle ones
 */
public record FeatureStats(double mean, double std, double min, double max, double median) {

    static FeatureStats of(double[] values) {
        int n = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (n == 0) {
            return new FeatureStats(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        double squares = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        double std = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
        return new FeatureStats(mean, std, min, max, Preprocessor.median(values));
    }
}
