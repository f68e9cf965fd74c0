package org.customersegmentation.engine;

import smile.util.AlgoStatus;
import smile.util.IterativeAlgorithmController;

/**
 * Lets another thread stop a segmentation: between fits, and inside a fit at its next Lloyd iteration (through the
 * controller Smile's k-means consults after each one).
 */
public final class Cancellation {

    private volatile boolean cancelled;
    private volatile IterativeAlgorithmController<AlgoStatus> current;

    /** A cancellation nobody triggers. */
    public static Cancellation none() {
        return new Cancellation();
    }

    /** Stops the segmentation as soon as it can; it then throws {@link CancelledException}. */
    public void cancel() {
        cancelled = true;
        IterativeAlgorithmController<AlgoStatus> controller = current;
        if (controller != null) {
            controller.stop();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Throws when cancelled: called between steps. */
    void checkpoint() {
        if (cancelled) {
            throw new CancelledException();
        }
    }

    /** A controller for the next fit, stopped at once if the segmentation is (or gets) cancelled. */
    IterativeAlgorithmController<AlgoStatus> nextFit() {
        IterativeAlgorithmController<AlgoStatus> controller = new IterativeAlgorithmController<>();
        current = controller;
        if (cancelled) {
            controller.stop();
        }
        return controller;
    }

    /** The segmentation was cancelled before it finished; it has no outcome. */
    public static final class CancelledException extends RuntimeException {
        CancelledException() {
            super("The segmentation was cancelled.");
        }
    }
}
