package org.customersegmentation.engine;

import java.util.Arrays;

/**
 * Replaces missing values by the column median, then standardizes every column to z-scores
 * (mean 0, population standard deviation 1), as a scikit-learn SimpleImputer + StandardScaler pipeline does.
 */
public final class Preprocessor {

    private Preprocessor() {
    }

    public static PreparedFeatures prepare(FeatureMatrix matrix) {
        int n = matrix.rowCount();
        int d = matrix.featureCount();
        double[] medians = new double[d];
        double[] centers = new double[d];
        double[] scales = new double[d];
        double[][] scaled = new double[n][d];

        for (int j = 0; j < d; j++) {
            double[] column = column(matrix.rows(), j);
            medians[j] = median(column);
            if (Double.isNaN(medians[j])) {
                throw new EngineException("Feature '" + matrix.features().get(j) + "' has no values: every customer is missing it.");
            }
            double sum = 0;
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(column[i])) {
                    column[i] = medians[j];
                }
                sum += column[i];
            }
            double mean = sum / n;
            double squares = 0;
            for (double value : column) {
                squares += (value - mean) * (value - mean);
            }
            double std = Math.sqrt(squares / n);
            centers[j] = mean;
            // A constant feature carries no information; a scale of 1 keeps it at 0 instead of dividing by zero.
            scales[j] = std > 0 ? std : 1;
            for (int i = 0; i < n; i++) {
                scaled[i][j] = (column[i] - mean) / scales[j];
            }
        }
        return new PreparedFeatures(scaled, medians, centers, scales);
    }

    /** The median of the non-missing values, or NaN when every value is missing. */
    static double median(double[] values) {
        double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (present.length == 0) {
            return Double.NaN;
        }
        int middle = present.length / 2;
        return present.length % 2 == 1 ? present[middle] : (present[middle - 1] + present[middle]) / 2;
    }

    private static double[] column(double[][] rows, int j) {
        double[] column = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            column[i] = rows[i][j];
        }
        return column;
    }
}
