package org.customersegmentation.engine;

import java.util.Arrays;
import java.util.List;
import org.customersegmentation.engine.preprocessing.Quantiles;

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
 *                  and over-represented categorical values whose indicator's z is at least 0.5; when there is none,
 *                  the few strongest {@linkplain Trait#mild() mild} traits, at least 0.2
 * @param label     a name built from the strongest distinguishing traits, unique within the segmentation
 * @param summary   one or two sentences a person reads: the segment's size and its traits in original units,
 *                  each beside all customers' value
 */
public record SegmentProfile(int segment, int size, double share, double[] centroid, List<FeatureStats> stats,
                             double[] zScores, List<CategoryShares> categories, List<Trait> distinguishing,
                             String label, String summary) {

    /**
     * One way a segment differs from all customers.
     *
     * @param value        the over-represented value of a categorical feature; null for a numeric feature
     * @param zScore       a numeric feature: how many standard deviations the members' mean lies from all
     *                     customers'; a categorical value: the same for its 0/1 indicator
     * @param segmentValue a numeric feature: the members' mean; a categorical value: its share among the members
     * @param overallValue the same over all customers
     */
    public record Trait(String feature, String value, double zScore, double segmentValue, double overallValue) {

        /** At least this far off, a trait sets a segment apart. */
        public static final double STRONG_Z = 0.5;
        /** At least this far off, a trait is worth naming when nothing is {@link #STRONG_Z}. */
        public static final double MILD_Z = 0.2;

        public boolean numeric() {
            return value == null;
        }

        /** {@code feature}, or {@code feature=value} for a categorical value. */
        public String name() {
            return numeric() ? feature : feature + "=" + value;
        }

        public boolean mild() {
            return Math.abs(zScore) < STRONG_Z;
        }
    }

    /**
     * Summary of one feature over one segment's members, in original units, counting only the values that were
     * present (imputed values would pull the spread toward the median). All are NaN when no member has a value.
     *
     * @param std          the sample standard deviation (n - 1), 0 for a single value
     * @param median       the middle value, or the mean of the two middle ones
     * @param p25          the 25th percentile, interpolated linearly between order statistics (numpy's default)
     * @param p75          the 75th percentile, likewise
     * @param lowerWhisker the lowest value at or above p25 - 1.5 IQR (Tukey's whisker; IQR = p75 - p25)
     * @param upperWhisker the highest value at or below p75 + 1.5 IQR
     */
    public record FeatureStats(double mean, double std, double min, double max, double median, double p25, double p75,
                               double lowerWhisker, double upperWhisker) {

        private static final FeatureStats NONE = new FeatureStats(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

        public static FeatureStats of(double[] values) {
            double[] present = new double[values.length];
            int n = 0;
            double sum = 0;
            for (double v : values) {
                if (!Double.isNaN(v)) {
                    present[n++] = v;
                    sum += v;
                }
            }
            if (n == 0) {
                return NONE;
            }
            double mean = sum / n;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                squares += (present[i] - mean) * (present[i] - mean);
            }
            double std = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
            double[] kept = n == present.length ? present : Arrays.copyOf(present, n);
            double p25 = Quantiles.of(kept, 0.25);
            double p75 = Quantiles.of(kept, 0.75);
            double median = Quantiles.of(kept, 0.5);
            double reach = 1.5 * (p75 - p25);
            // the whiskers: the most extreme values within 1.5 interquartile ranges of the quartiles
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double lowerWhisker = Double.POSITIVE_INFINITY;
            double upperWhisker = Double.NEGATIVE_INFINITY;
            for (double value : kept) {
                min = Math.min(min, value);
                max = Math.max(max, value);
                if (value >= p25 - reach) {
                    lowerWhisker = Math.min(lowerWhisker, value);
                }
                if (value <= p75 + reach) {
                    upperWhisker = Math.max(upperWhisker, value);
                }
            }
            return new FeatureStats(mean, std, min, max, median, p25, p75, lowerWhisker, upperWhisker);
        }
    }

    /**
     * How one categorical feature is spread inside a segment, over the members that have a value.
     *
     * @param values as the feature's one-hot encoding orders them, most frequent overall first
     * @param shares per value, the fraction of the members that have it (NaN when no member has a value)
     * @param lifts  per value, its share in the segment divided by its share among all customers
     */
    public record CategoryShares(String feature, List<String> values, double[] shares, double[] lifts) {

        /**
         * How far a value's share among a segment's members lies from its share among all customers, in standard
         * deviations of the value's 0/1 indicator over all customers; 0 when every customer, or none, has it.
         */
        public static double indicatorZScore(double segmentShare, double populationShare) {
            double std = Math.sqrt(populationShare * (1 - populationShare));
            return std == 0 ? 0 : (segmentShare - populationShare) / std;
        }
    }
}
