package org.customersegmentation.engine;

import java.util.List;

/**
 * Customers as rows, features as columns, in the dataset's original units.
 * A missing value is {@link Double#NaN}.
 */
public record FeatureMatrix(List<String> features, double[][] rows) {

    public FeatureMatrix {
        features = List.copyOf(features);
        for (double[] row : rows) {
            if (row.length != features.size()) {
                throw new IllegalArgumentException("every row needs one value per feature");
            }
        }
    }

    public int rowCount() {
        return rows.length;
    }

    public int featureCount() {
        return features.size();
    }
}
