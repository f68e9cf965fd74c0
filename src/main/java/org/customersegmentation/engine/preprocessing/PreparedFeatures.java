package org.customersegmentation.engine.preprocessing;

import java.util.List;
import org.customersegmentation.engine.OneHotEncoding;

/**
 * Features ready for clustering, and the parameters that made them, so that a point can be taken back to
 * original units: {@code value = scaled * scales[j] + centers[j]}, then {@code expm1(value)} where the feature
 * was log-transformed. The numeric features come first in each point, then each categorical feature's one-hot
 * columns.
 *
 * @param scaled   the values after transform, imputation and scaling
 * @param imputed  the value that filled each numeric feature's missing values (in the transformed space)
 * @param centers  what scaling subtracted from each numeric feature
 * @param scales   what scaling divided each numeric feature by (1 for a constant feature)
 * @param logged   which numeric features were replaced by log1p(x)
 * @param oneHot   how each categorical feature was encoded
 */
public record PreparedFeatures(double[][] scaled, double[] imputed, double[] centers, double[] scales, boolean[] logged,
                               List<OneHotEncoding> oneHot) {

    /** The numeric features of a point of the clustering space, in original units. */
    public double[] toOriginalUnits(double[] scaledPoint) {
        double[] original = new double[centers.length];
        for (int j = 0; j < original.length; j++) {
            double value = scaledPoint[j] * scales[j] + centers[j];
            original[j] = logged[j] ? Math.expm1(value) : value;
        }
        return original;
    }
}
