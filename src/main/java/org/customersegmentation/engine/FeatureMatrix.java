package org.customersegmentation.engine;

import java.util.Arrays;
import java.util.List;

/**
 * Customers as rows, in the dataset's original units: the numeric features as columns of {@code rows} (a missing
 * value is {@link Double#NaN}), and the categorical features beside them.
 */
public record FeatureMatrix(List<String> features, double[][] rows, List<CategoricalColumn> categoricals) {

    public FeatureMatrix {
        features = List.copyOf(features);
        categoricals = List.copyOf(categoricals);
        for (double[] row : rows) {
            if (row.length != features.size()) {
                throw new IllegalArgumentException("every row needs one value per feature");
            }
        }
        for (CategoricalColumn column : categoricals) {
            if (column.codes().length != rows.length) {
                throw new IllegalArgumentException("categorical feature '" + column.name() + "' needs one code per row");
            }
        }
        if (features.isEmpty() && categoricals.isEmpty()) {
            throw new IllegalArgumentException("a matrix needs at least one feature");
        }
    }

    /** Numeric features only. */
    public FeatureMatrix(List<String> features, double[][] rows) {
        this(features, rows, List.of());
    }

    public int rowCount() {
        return rows.length;
    }

    /** How many numeric features there are. */
    public int featureCount() {
        return features.size();
    }

    /** Whether the customer has a value for every feature, numeric and categorical. */
    boolean complete(int row) {
        return Arrays.stream(rows[row]).noneMatch(Double::isNaN)
                && categoricals.stream().allMatch(column -> column.codes()[row] != CategoricalColumn.MISSING);
    }

    /** The given rows only, in the given order. */
    FeatureMatrix keep(int[] kept) {
        double[][] keptRows = Arrays.stream(kept).mapToObj(i -> rows[i]).toArray(double[][]::new);
        return new FeatureMatrix(features, keptRows, categoricals.stream().map(column -> column.keep(kept)).toList());
    }
}
