package org.customersegmentation.engine.kmeans;

/** The squared Euclidean distance, in the one loop the engine's hot paths share. */
public final class SquaredDistance {

    private SquaredDistance() {
    }

    public static double between(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double difference = a[j] - b[j];
            sum += difference * difference;
        }
        return sum;
    }
}
