package org.customersegmentation.engine;

import smile.util.AlgoStatus;
import smile.util.IterativeAlgorithmController;

/**
 * What another thread sees of a running segmentation and how it stops one. The segmentation reports its
 * {@link Progress}; {@link #cancel()} stops it between fits, and inside a fit at its next Lloyd iteration (through
 * the controller Smile's k-means consults after each one).
 */
public final class RunControl {

    /** Where a segmentation job is; the engine reports the middle three, its caller the others. */
    public enum Phase { LOADING, PREPROCESSING, CLUSTERING, EVALUATING, SAVING }

    /**
     * @param percent an estimate of the work done, 0 to 100, by the share of k-means fits finished
     * @param k       the number of segments being fitted or evaluated; null before clustering
     */
    public record Progress(Phase phase, int percent, Integer k) {
    }

    private static final int CLUSTERING_FROM = 15;
    private static final int CLUSTERING_TO = 90;
    private static final int SAVING_FROM = 95;

    private volatile boolean cancelled;
    private volatile boolean timedOut;
    private volatile IterativeAlgorithmController<AlgoStatus> current;
    private volatile Progress progress = new Progress(Phase.LOADING, 0, null);
    private int plannedFits = 1;
    private int finishedFits;

    /** A fresh control: not cancelled, loading. */
    public static RunControl none() {
        return new RunControl();
    }

    /** Stops the segmentation as soon as it can; it then throws {@link CancelledException}. */
    public void cancel() {
        cancelled = true;
        IterativeAlgorithmController<AlgoStatus> controller = current;
        if (controller != null) {
            controller.stop();
        }
    }

    /** Cancels because the segmentation ran out of time. */
    public void timeOut() {
        timedOut = true;
        cancel();
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public boolean isTimedOut() {
        return timedOut;
    }

    public Progress progress() {
        return progress;
    }

    /** The caller's part: the segmentation's result is being stored. */
    public void saving() {
        progress = new Progress(Phase.SAVING, SAVING_FROM, progress.k());
    }

    void preprocessing() {
        progress = new Progress(Phase.PREPROCESSING, 10, null);
    }

    /** How many k-means fits the segmentation will run in all, which the percentage counts. */
    void plan(int fits) {
        plannedFits = Math.max(1, fits);
        finishedFits = 0;
    }

    void fitting(int k) {
        progress = new Progress(Phase.CLUSTERING, percent(), k);
    }

    void fitFinished() {
        finishedFits++;
        progress = new Progress(progress.phase(), percent(), progress.k());
    }

    void evaluating(int k) {
        progress = new Progress(Phase.EVALUATING, percent(), k);
    }

    private int percent() {
        return CLUSTERING_FROM + (CLUSTERING_TO - CLUSTERING_FROM) * Math.min(finishedFits, plannedFits) / plannedFits;
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
