package org.customersegmentation.engine;

import java.util.Arrays;

/**
 * Makes features ready for clustering, as a scikit-learn pipeline would: an optional log1p transform, imputation
 * of missing values (median or mean of the present ones), then scaling (standard, min-max, robust or none).
 */
public final class Preprocessor {

    private Preprocessor() {
    }

    public static PreparedFeatures prepare(FeatureMatrix matrix) {
        return prepare(matrix, Preprocessing.DEFAULT);
    }

    public static PreparedFeatures prepare(FeatureMatrix matrix, Preprocessing options) {
        int n = matrix.rowCount();
        int d = matrix.featureCount();
        double[] imputed = new double[d];
        double[] centers = new double[d];
        double[] scales = new double[d];
        boolean[] logged = new boolean[d];
        double[][] scaled = new double[n][d];

        for (int j = 0; j < d; j++) {
            String feature = matrix.features().get(j);
            double[] column = column(matrix.rows(), j);
            logged[j] = options.logTransform().contains(feature);
            if (logged[j]) {
                for (int i = 0; i < n; i++) {
                    if (column[i] < 0) {
                        throw new EngineException("Feature '" + feature + "' has negative values; log1p applies only to "
                                + "features without them.");
                    }
                    column[i] = Math.log1p(column[i]); // NaN stays NaN
                }
            }
            double[] present = Arrays.stream(column).filter(v -> !Double.isNaN(v)).sorted().toArray();
            if (present.length == 0) {
                throw new EngineException("Feature '" + feature + "' has no values: every customer is missing it.");
            }
            imputed[j] = options.missingValues() == Preprocessing.Imputation.MEAN ? plainMean(present) : quantile(present, 0.5);
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(column[i])) {
                    column[i] = imputed[j];
                }
            }
            double[] centerAndScale = centerAndScale(column, options.scaling());
            centers[j] = centerAndScale[0];
            // A constant feature carries no information; a scale of 1 keeps it constant instead of dividing by zero.
            scales[j] = centerAndScale[1] > 0 ? centerAndScale[1] : 1;
            for (int i = 0; i < n; i++) {
                scaled[i][j] = (column[i] - centers[j]) / scales[j];
            }
        }
        return new PreparedFeatures(scaled, imputed, centers, scales, logged);
    }

    /** The value subtracted and the divisor of each scaling, over the imputed column. */
    private static double[] centerAndScale(double[] column, Preprocessing.Scaling scaling) {
        return switch (scaling) {
            case STANDARD -> {
                double mean = plainMean(column);
                double squares = 0;
                for (double value : column) {
                    squares += (value - mean) * (value - mean);
                }
                yield new double[] {mean, Math.sqrt(squares / column.length)};
            }
            case MINMAX -> {
                double min = Arrays.stream(column).min().orElseThrow();
                yield new double[] {min, Arrays.stream(column).max().orElseThrow() - min};
            }
            case ROBUST -> {
                double[] sorted = column.clone();
                Arrays.sort(sorted);
                yield new double[] {quantile(sorted, 0.5), quantile(sorted, 0.75) - quantile(sorted, 0.25)};
            }
            case NONE -> new double[] {0, 1};
        };
    }

    /**
     * A left-to-right sum divided by the count. Not DoubleStream.average(), whose compensated summation differs in
     * the last bits: a job must give the same numbers as the same job did before.
     */
    private static double plainMean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    /** The median of the non-missing values, or NaN when every value is missing. */
    static double median(double[] values) {
        double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        return present.length == 0 ? Double.NaN : quantile(present, 0.5);
    }

    /** Linear interpolation between the order statistics around (n - 1) * p of sorted values (numpy's default). */
    private static double quantile(double[] sorted, double p) {
        double position = (sorted.length - 1) * p;
        int below = (int) Math.floor(position);
        return below + 1 < sorted.length ? sorted[below] + (position - below) * (sorted[below + 1] - sorted[below])
                : sorted[below];
    }

    private static double[] column(double[][] rows, int j) {
        double[] column = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            column[i] = rows[i][j];
        }
        return column;
    }
}
