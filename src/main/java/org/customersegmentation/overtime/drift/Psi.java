package org.customersegmentation.overtime.drift;

/**
 * The population stability index of two distributions over the same bins: the sum over bins of
 * {@code (new - training) * ln(new / training)}, each share at least {@link #FLOOR} so that an empty bin counts
 * as nearly empty instead of dividing by zero. A bin empty on both sides adds nothing.
 */
final class Psi {

    /** The share an empty bin counts as; the shares are not renormalised after it. */
    static final double FLOOR = 0.0001;
    /** At this PSI or more a distribution has shifted enough to watch. */
    static final double MONITOR = 0.1;
    /** At this PSI or more it has shifted enough to segment again. */
    static final double RESEGMENT = 0.25;

    private Psi() {
    }

    static double of(double[] training, double[] current) {
        if (training.length != current.length) {
            throw new IllegalArgumentException("both distributions need the same bins");
        }
        double psi = 0;
        for (int bin = 0; bin < training.length; bin++) {
            double p = Math.max(training[bin], FLOOR);
            double q = Math.max(current[bin], FLOOR);
            psi += (q - p) * Math.log(q / p);
        }
        return psi;
    }

    /** Each count as a fraction of their total (all 0 when the total is 0). */
    static double[] shares(long[] counts) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        double[] shares = new double[counts.length];
        for (int bin = 0; bin < counts.length; bin++) {
            shares[bin] = total == 0 ? 0 : (double) counts[bin] / total;
        }
        return shares;
    }

    static DriftReport.Verdict verdict(double psi) {
        return psi >= RESEGMENT ? DriftReport.Verdict.RESEGMENT
                : psi >= MONITOR ? DriftReport.Verdict.MONITOR : DriftReport.Verdict.STABLE;
    }
}
