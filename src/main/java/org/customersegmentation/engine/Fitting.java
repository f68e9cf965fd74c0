package org.customersegmentation.engine;

/**
 * How k-means is fitted.
 *
 * @param restarts      k-means++ starts to try; the lowest inertia wins
 * @param maxIterations Lloyd iterations at most per start
 * @param tolerance     a start stops once its inertia improves by less than this fraction
 */
public record Fitting(int restarts, int maxIterations, double tolerance) {

    public static final int DEFAULT_MAX_ITERATIONS = 100;
    public static final double DEFAULT_TOLERANCE = 1e-4;

    public static Fitting restarts(int restarts) {
        return new Fitting(restarts, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE);
    }
}
