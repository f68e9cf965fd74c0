package org.customersegmentation.dataset.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.customersegmentation.dataset.ColumnType;
import org.customersegmentation.dataset.DatasetProfile;
import smile.sort.QuickSelect;

/**
 * Computes a {@link DatasetProfile} from the tallies and the spilled numbers of an upload. Each numeric column is
 * read back alone (the columns in parallel), so memory holds a few columns, never the rows.
 */
public final class ProfileCalculator {

    static final int HISTOGRAM_BINS = 20;
    static final int MOST_FREQUENT_VALUES = 50;

    private ProfileCalculator() {
    }

    /** @param maxCorrelationColumns the correlation matrix covers at most this many numeric columns, the first ones */
    public static DatasetProfile profile(int rowCount, List<ColumnTally> tallies, NumericSpill spill, int maxCorrelationColumns) {
        // columns in parallel: the database is idle by now, and each column is read back and summarised alone
        DatasetProfile.NumericSummary[] summaries = new DatasetProfile.NumericSummary[tallies.size()];
        IntStream.range(0, tallies.size()).parallel()
                .filter(c -> tallies.get(c).type() == ColumnType.NUMERIC && tallies.get(c).present() > 0)
                .forEach(c -> summaries[c] = summary(present(spill.column(c))));
        List<DatasetProfile.ColumnProfile> columns = new ArrayList<>();
        List<Integer> correlated = new ArrayList<>();
        double[] means = new double[tallies.size()];
        for (int c = 0; c < tallies.size(); c++) {
            ColumnTally tally = tallies.get(c);
            if (summaries[c] != null) {
                means[c] = summaries[c].mean();
                if (correlated.size() < maxCorrelationColumns) {
                    correlated.add(c);
                }
            }
            List<DatasetProfile.ValueCount> values = tally.type() == ColumnType.CATEGORICAL ? mostFrequent(tally.valueCounts()) : null;
            columns.add(new DatasetProfile.ColumnProfile(tally.name(), tally.type(), tally.present(), tally.missing(),
                    tally.distinct(), summaries[c], values));
        }
        return new DatasetProfile(rowCount, columns, correlation(tallies, correlated, means, spill));
    }

    static DatasetProfile.NumericSummary summary(double[] values) {
        int n = values.length;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            sum += value;
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        double mean = sum / n;
        double m2 = 0;
        double m3 = 0;
        for (double value : values) {
            double d = value - mean;
            m2 += d * d;
            m3 += d * d * d;
        }
        Double std = n > 1 ? Math.sqrt(m2 / (n - 1)) : null;
        Double skewness = null;
        if (n > 2 && m2 > 0) {
            double g1 = (m3 / n) / Math.pow(m2 / n, 1.5);
            skewness = g1 * Math.sqrt((double) n * (n - 1)) / (n - 2);
        }
        DatasetProfile.Histogram histogram = histogram(values, min, max);
        // percentiles last: selection reorders the values
        return new DatasetProfile.NumericSummary(mean, std, min, percentile(values, 0.25), percentile(values, 0.5),
                percentile(values, 0.75), max, skewness, histogram);
    }

    /** Linear interpolation between the order statistics around {@code (n - 1) * p}; reorders {@code values}. */
    static double percentile(double[] values, double p) {
        double position = (values.length - 1) * p;
        int below = (int) Math.floor(position);
        double low = QuickSelect.select(values, below);
        if (below + 1 >= values.length || position == below) {
            return low;
        }
        return low + (position - below) * (nextOrderStatistic(values, below, low) - low);
    }

    /**
     * The order statistic after the one selection just put at {@code k}. Smile's selection partitions the array
     * around {@code k}, so the minimum of what follows is the next one: a scan instead of a second selection. The
     * scan is checked only as far as it can be (nothing after {@code k} below {@code low}); should that fail, a
     * second selection decides.
     */
    private static double nextOrderStatistic(double[] values, int k, double low) {
        double next = Double.POSITIVE_INFINITY;
        for (int i = k + 1; i < values.length; i++) {
            next = Math.min(next, values[i]);
        }
        return next >= low ? next : QuickSelect.select(values, k + 1);
    }

    static DatasetProfile.Histogram histogram(double[] values, double min, double max) {
        double low = min == max ? min - 0.5 : min;
        double high = min == max ? max + 0.5 : max;
        double[] edges = new double[HISTOGRAM_BINS + 1];
        for (int i = 0; i <= HISTOGRAM_BINS; i++) {
            edges[i] = low + (high - low) * i / HISTOGRAM_BINS;
        }
        edges[HISTOGRAM_BINS] = high;
        long[] counts = new long[HISTOGRAM_BINS];
        for (double value : values) {
            // a first guess, then the edges decide: bin i holds edges[i] <= value < edges[i + 1]
            int bin = Math.clamp((long) (HISTOGRAM_BINS * (value - low) / (high - low)), 0, HISTOGRAM_BINS - 1);
            while (bin > 0 && value < edges[bin]) {
                bin--;
            }
            while (bin < HISTOGRAM_BINS - 1 && value >= edges[bin + 1]) {
                bin++;
            }
            counts[bin]++;
        }
        return new DatasetProfile.Histogram(edges, counts);
    }

    private static List<DatasetProfile.ValueCount> mostFrequent(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MOST_FREQUENT_VALUES)
                .map(entry -> new DatasetProfile.ValueCount(entry.getKey(), entry.getValue()))
                .toList();
    }

    private static double[] present(double[] values) {
        int n = 0;
        for (double value : values) {
            if (!Double.isNaN(value)) {
                values[n++] = value;
            }
        }
        return n == values.length ? values : Arrays.copyOf(values, n);
    }

    /**
     * Pairwise-complete Pearson correlations in one pass over the spill. Sums are taken of values shifted by
     * their column's mean, which keeps them accurate for large values with small spread.
     */
    private static DatasetProfile.Correlation correlation(List<ColumnTally> tallies, List<Integer> columns,
                                                          double[] means, NumericSpill spill) {
        int p = columns.size();
        // per pair (i <= j): count, sum x, sum y, sum xx, sum yy, sum xy
        double[][] sums = new double[p * (p + 1) / 2][6];
        int[] firstPairOfRow = new int[p];
        for (int i = 1; i < p; i++) {
            firstPairOfRow[i] = firstPairOfRow[i - 1] + p - (i - 1);
        }
        spill.forEachBlock((values, blockColumns, rows) -> IntStream.range(0, p).parallel().forEach(i -> {
            for (int j = i, pair = firstPairOfRow[i]; j < p; j++, pair++) {
                int ci = columns.get(i);
                int cj = columns.get(j);
                if (ci < blockColumns && cj < blockColumns) {
                    accumulate(sums[pair], values, ci * rows, means[ci], cj * rows, means[cj], rows);
                }
            }
        }));
        Double[][] matrix = new Double[p][p];
        int pair = 0;
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++, pair++) {
                double[] s = sums[pair];
                double n = s[0];
                double sxx = s[3] - s[1] * s[1] / n;
                double syy = s[4] - s[2] * s[2] / n;
                double sxy = s[5] - s[1] * s[2] / n;
                Double r = n < 2 || sxx <= 0 || syy <= 0 ? null : Math.clamp(sxy / Math.sqrt(sxx * syy), -1.0, 1.0);
                matrix[i][j] = r;
                matrix[j][i] = r;
            }
        }
        List<String> names = columns.stream().map(c -> tallies.get(c).name()).toList();
        return new DatasetProfile.Correlation(names, matrix);
    }

    private static void accumulate(double[] s, double[] values, int xAt, double xMean, int yAt, double yMean, int rows) {
        double n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (int r = 0; r < rows; r++) {
            double x = values[xAt + r];
            double y = values[yAt + r];
            if (Double.isNaN(x) || Double.isNaN(y)) {
                continue;
            }
            x -= xMean;
            y -= yMean;
            n++;
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
        }
        s[0] += n;
        s[1] += sx;
        s[2] += sy;
        s[3] += sxx;
        s[4] += syy;
        s[5] += sxy;
    }
}
