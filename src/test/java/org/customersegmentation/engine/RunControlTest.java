package org.customersegmentation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RunControlTest {

    @Test
    void aCancelledSegmentationThrowsInsteadOfReturningAnOutcome() {
        RunControl control = new RunControl();
        control.cancel();

        assertThatThrownBy(() -> SegmentationEngine.segment(uniform(200, 2), Preprocessing.DEFAULT, 3, Fitting.restarts(2), 1,
                control)).isInstanceOf(RunControl.CancelledException.class);
    }

    @Test
    void aSegmentationCancelledFromAnotherThreadStopsInTheMiddleOfItsFits() throws Exception {
        // 400 restarts of k = 20 on 50,000 uniform points would take minutes; cancelled, it must end at once
        RunControl control = new RunControl();
        CompletableFuture<SegmentationOutcome> running = CompletableFuture.supplyAsync(() -> SegmentationEngine.segment(
                uniform(50_000, 5), Preprocessing.DEFAULT, 20, Fitting.restarts(400), 1, control));

        control.cancel();

        assertThatThrownBy(() -> running.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(RunControl.CancelledException.class);
    }

    @Test
    void progressMovesThroughThePhasesAndCountsFinishedFits() {
        RunControl control = new RunControl();
        assertThat(control.progress()).isEqualTo(new RunControl.PhaseProgress(RunControl.Phase.LOADING, 0, null));

        SegmentationEngine.segment(uniform(300, 2), Preprocessing.DEFAULT, 2, 4, KSelectionMethod.SILHOUETTE, Fitting.restarts(2), 1,
                control);

        // all 3 x 2 fits done: the clustering share (15 to 90) is complete; the candidates were evaluated together
        assertThat(control.progress()).isEqualTo(new RunControl.PhaseProgress(RunControl.Phase.EVALUATING, 90, null));
        control.saving();
        assertThat(control.progress()).isEqualTo(new RunControl.PhaseProgress(RunControl.Phase.SAVING, 95, null));
        assertThat(control.phaseMillis()).containsOnlyKeys(RunControl.Phase.values());
    }

    @Test
    void resampleFitsCountTowardTheProgressAndStopWhenCancelled() throws Exception {
        // one start for the segments, then 100 resamples of one start each: 101 fits planned
        RunControl control = new RunControl();
        CompletableFuture<SegmentationOutcome> running = CompletableFuture.supplyAsync(() -> SegmentationEngine.segment(
                uniform(20_000, 3), Preprocessing.DEFAULT, 8, Fitting.restarts(1), 1, new Stability(100), control));

        // past 30% means at least 21 fits done, 20 of them on resamples
        await().atMost(Duration.ofMinutes(1)).until(() -> control.progress().percent() >= 30 || running.isDone());
        assertThat(running).isNotDone();
        assertThat(control.progress().phase()).isEqualTo(RunControl.Phase.CLUSTERING);
        control.cancel();

        assertThatThrownBy(() -> running.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(RunControl.CancelledException.class);
    }

    @Test
    void halfTheFitsIsHalfTheClusteringShare() {
        RunControl control = new RunControl();
        control.plan(4);
        control.fitting(3);
        control.fitFinished();
        control.fitFinished();

        assertThat(control.progress()).isEqualTo(new RunControl.PhaseProgress(RunControl.Phase.CLUSTERING, 15 + 75 * 2 / 4, 3));
    }

    private static FeatureMatrix uniform(int rows, int columns) {
        Random random = new Random(3);
        double[][] values = new double[rows][columns];
        for (double[] row : values) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextDouble();
            }
        }
        List<String> features = IntStream.range(0, columns).mapToObj(j -> "f" + j).toList();
        return new FeatureMatrix(features, values);
    }
}
