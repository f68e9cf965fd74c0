package org.customersegmentation.engine.kmeans;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import smile.util.AlgoStatus;
import smile.util.IterativeAlgorithmController;

class ConvergenceTest {

    @Test
    void aFitStopsOnceAnIterationImprovesTheInertiaByNoMoreThanTheToleranceOfIt() {
        IterativeAlgorithmController<AlgoStatus> controller = Convergence.controller(0.01);

        controller.submit(new AlgoStatus(1, 1000));
        assertThat(controller.isInterrupted()).isFalse(); // nothing to compare with yet
        controller.submit(new AlgoStatus(2, 900)); // 100 better: 11% of 900
        assertThat(controller.isInterrupted()).isFalse();
        controller.submit(new AlgoStatus(3, 892)); // 8 better: 0.9% of 892
        assertThat(controller.isInterrupted()).isTrue();
    }

    @Test
    void theTestIsTheSameOnAnyScale() {
        assertThat(Convergence.converged(1000, 990.2, 0.01)).isTrue();
        assertThat(Convergence.converged(1000, 989, 0.01)).isFalse();
        assertThat(Convergence.converged(1e-3, 0.9902e-3, 0.01)).isTrue();
        assertThat(Convergence.converged(1e-3, 0.989e-3, 0.01)).isFalse();
        assertThat(Convergence.converged(Double.POSITIVE_INFINITY, 5, 0.01)).isFalse();
    }
}
