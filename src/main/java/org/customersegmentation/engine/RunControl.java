package org.customersegmentation.engine;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.customersegmentation.engine.kmeans.Convergence;
import smile.util.AlgoStatus;
import smile.util.IterativeAlgorithmController;

/**
 * What another thread sees of a running segmentation and how it stops one. The segmentation reports its
 * {@link PhaseProgress}; {@link #cancel()} stops it between fits, and inside a fit at its next Lloyd iteration (through
 * the controller Smile's k-means consults after each one). It also times each phase, for the job's log line.
 * Several fits may run at once, on different threads.
 */
public final class RunControl {

    /** Where a segmentation job is; the engine reports the middle three, its caller the others. */
    public enum Phase { LOADING, PREPROCESSING, CLUSTERING, EVALUATING, SAVING }

    /**
     * @param percent an estimate of the work done, 0 to 100, by the share of k-means fits finished
     * @param k       the number of segments being fitted (the latest begun, when several are fitted at once) or
     *                evaluated; null before clustering, and while the candidates of a k range are evaluated together
     */
    public record PhaseProgress(Phase phase, int percent, Integer k) {
    }

    private static final int CLUSTERING_FROM = 15;
    private static final int CLUSTERING_TO = 90;
    private static final int SAVING_FROM = 95;

    private volatile boolean cancelled;
    private volatile boolean timedOut;
    private final Set<IterativeAlgorithmController<AlgoStatus>> runningFits = ConcurrentHashMap.newKeySet();
    private volatile PhaseProgress progress = new PhaseProgress(Phase.LOADING, 0, null);
    private int plannedFits = 1;
    private int finishedFits;
    private final Map<Phase, Long> phaseNanos = new EnumMap<>(Phase.class);
    private long phaseStartedNanos = System.nanoTime();

    /** A fresh control: not cancelled, in its loading phase from now on. */
    public RunControl() {
    }

    /** Stops the segmentation as soon as it can; it then throws {@link CancelledException}. */
    public void cancel() {
        cancelled = true;
        runningFits.forEach(IterativeAlgorithmController::stop);
    }

    /** Cancels because the segmentation ran out of time. */
    public void timeOut() {
        timedOut = true;
        cancel();
    }

    public boolean isTimedOut() {
        return timedOut;
    }

    public PhaseProgress progress() {
        return progress;
    }

    /** The caller's part: the segmentation's result is being stored. */
    public synchronized void saving() {
        enter(new PhaseProgress(Phase.SAVING, SAVING_FROM, progress.k()));
    }

    /** How long each phase has taken so far, in milliseconds, in phase order, the current one included. */
    public synchronized Map<Phase, Long> phaseMillis() {
        Map<Phase, Long> millis = new EnumMap<>(Phase.class);
        phaseNanos.forEach((phase, nanos) -> millis.put(phase, nanos / 1_000_000));
        millis.merge(progress.phase(), (System.nanoTime() - phaseStartedNanos) / 1_000_000, Long::sum);
        return millis;
    }

    /** The phase timings as "loading 120 ms, clustering 3400 ms, ...". */
    public String phaseSummary() {
        return phaseMillis().entrySet().stream()
                .map(phase -> phase.getKey().name().toLowerCase() + " " + phase.getValue() + " ms")
                .collect(Collectors.joining(", "));
    }

    synchronized void preprocessing() {
        enter(new PhaseProgress(Phase.PREPROCESSING, 10, null));
    }

    /**
     * How many k-means fits the segmentation will run in all, which the percentage counts; clustering begins
     * (with the search structure the fits share, before the first k is fitted).
     */
    synchronized void plan(int fits) {
        plannedFits = Math.max(1, fits);
        finishedFits = 0;
        enter(new PhaseProgress(Phase.CLUSTERING, percent(), null));
    }

    public synchronized void fitting(int k) {
        enter(new PhaseProgress(Phase.CLUSTERING, percent(), k));
    }

    public synchronized void fitFinished() {
        finishedFits++;
        progress = new PhaseProgress(progress.phase(), percent(), progress.k());
    }

    synchronized void evaluating(Integer k) {
        enter(new PhaseProgress(Phase.EVALUATING, percent(), k));
    }

    private void enter(PhaseProgress next) {
        if (next.phase() != progress.phase()) {
            long now = System.nanoTime();
            phaseNanos.merge(progress.phase(), now - phaseStartedNanos, Long::sum);
            phaseStartedNanos = now;
        }
        progress = next;
    }

    private int percent() {
        return CLUSTERING_FROM + (CLUSTERING_TO - CLUSTERING_FROM) * Math.min(finishedFits, plannedFits) / plannedFits;
    }

    /** Throws when cancelled: called between steps. */
    public void checkpoint() {
        if (cancelled) {
            throw new CancelledException();
        }
    }

    /**
     * A controller for the next fit, which stops it once it has converged within {@code tolerance} (see
     * {@link Convergence}), and stopped at once if the segmentation is (or gets) cancelled; pass it to
     * {@link #fitEnded} when the fit returns.
     */
    public IterativeAlgorithmController<AlgoStatus> nextFit(double tolerance) {
        IterativeAlgorithmController<AlgoStatus> controller = Convergence.controller(tolerance);
        runningFits.add(controller);
        if (cancelled) {
            controller.stop();
        }
        return controller;
    }

    public void fitEnded(IterativeAlgorithmController<AlgoStatus> controller) {
        runningFits.remove(controller);
        controller.close();
    }

    /** The segmentation was cancelled before it finished; it has no outcome. */
    public static final class CancelledException extends RuntimeException {
        CancelledException() {
            super("The segmentation was cancelled.");
        }
    }
}
