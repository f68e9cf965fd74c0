package org.customersegmentation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CancellationTest {

    @Test
    void aCancelledSegmentationThrowsInsteadOfReturningAnOutcome() {
        Cancellation cancellation = Cancellation.none();
        cancellation.cancel();

        assertThatThrownBy(() -> SegmentationEngine.segment(uniform(200, 2), Preprocessing.DEFAULT, 3, Fitting.restarts(2), 1,
                cancellation)).isInstanceOf(Cancellation.CancelledException.class);
    }

    @Test
    void aSegmentationCancelledFromAnotherThreadStopsInTheMiddleOfItsFits() throws Exception {
        // 400 restarts of k = 20 on 50,000 uniform points would take minutes; cancelled, it must end at once
        Cancellation cancellation = Cancellation.none();
        CompletableFuture<SegmentationOutcome> running = CompletableFuture.supplyAsync(() -> SegmentationEngine.segment(
                uniform(50_000, 5), Preprocessing.DEFAULT, 20, Fitting.restarts(400), 1, cancellation));

        cancellation.cancel();

        assertThatThrownBy(() -> running.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(Cancellation.CancelledException.class);
        assertThat(cancellation.isCancelled()).isTrue();
    }

    @Test
    void anUncancelledSegmentationIsTheSameWithOrWithoutAHandle() {
        FeatureMatrix matrix = uniform(500, 3);

        SegmentationOutcome with = SegmentationEngine.segment(matrix, Preprocessing.DEFAULT, 4, Fitting.restarts(3), 9,
                Cancellation.none());
        SegmentationOutcome without = SegmentationEngine.segment(matrix, Preprocessing.DEFAULT, 4, 3, 9);

        assertThat(with.assignments()).containsExactly(without.assignments());
        assertThat(with.inertia()).isEqualTo(without.inertia());
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
