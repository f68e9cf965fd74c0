package org.customersegmentation.engine;

/**
 * Features ready for clustering, and the parameters that made them, so that a point can be taken back to
 * original units: {@code original = scaled * scales[j] + centers[j]}.
 *
 * @param scaled   the original values, every missing one replaced by its feature's median, as z-scores
 * @param medians  the value imputed for each feature
 * @param centers  each feature's mean after imputation
 * @param scales   each feature's population standard deviation after imputation (1 for a constant feature)
 */
public record PreparedFeatures(double[][] scaled, double[] medians, double[] centers, double[] scales) {

    public double[] toOriginalUnits(double[] scaledPoint) {
        double[] original = new double[scaledPoint.length];
        for (int j = 0; j < scaledPoint.length; j++) {
            original[j] = scaledPoint[j] * scales[j] + centers[j];
        }
        return original;
    }
}
