package org.customersegmentation.engine.kmeans;

import smile.util.AlgoStatus;
import smile.util.IterativeAlgorithmController;

/**
 * When Lloyd's iterations stop: once an iteration lowers the inertia by no more than {@code tolerance} times the
 * new inertia (a relative change, the same on any scale of data). Smile's own test compares the absolute change of
 * the mean squared distance, so Smile's fits get this one through their controller, and its own tolerance is 0.
 */
public final class Convergence {

    private Convergence() {
    }

    static boolean converged(double previous, double current, double tolerance) {
        return previous - current <= tolerance * current;
    }

    /** A controller that stops its fit when the inertia it is told of has converged, as well as when asked to. */
    public static IterativeAlgorithmController<AlgoStatus> controller(double tolerance) {
        return new RelativeChange(tolerance);
    }

    private static final class RelativeChange extends IterativeAlgorithmController<AlgoStatus> {

        private final double tolerance;
        private double previous = Double.NaN;

        RelativeChange(double tolerance) {
            this.tolerance = tolerance;
        }

        /** Called by the fit after each iteration, on its own thread: decides at once, without subscribers. */
        @Override
        public void submit(AlgoStatus status) {
            if (!Double.isNaN(previous) && converged(previous, status.objective(), tolerance)) {
                stop();
            }
            previous = status.objective();
        }
    }
}
