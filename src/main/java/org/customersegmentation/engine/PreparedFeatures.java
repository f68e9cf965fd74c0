package org.customersegmentation.engine;

/**
 * Features ready for clustering, and the parameters that made them, so that a point can be taken back to
 * original units: {@code value = scaled * scales[j] + centers[j]}, then {@code expm1(value)} where the feature
 * was log-transformed.
 *
 * @param scaled   the values after transform, imputation and scaling
 * @param imputed  the value that filled each feature's missing values (in the transformed space)
 * @param centers  what scaling subtracted from each feature
 * @param scales   what scaling divided each feature by (1 for a constant feature)
 * @param logged   which features were replaced by log1p(x)
 */
public record PreparedFeatures(double[][] scaled, double[] imputed, double[] centers, double[] scales, boolean[] logged) {

    public double[] toOriginalUnits(double[] scaledPoint) {
        double[] original = new double[scaledPoint.length];
        for (int j = 0; j < scaledPoint.length; j++) {
            double value = scaledPoint[j] * scales[j] + centers[j];
            original[j] = logged[j] ? Math.expm1(value) : value;
        }
        return original;
    }
}
