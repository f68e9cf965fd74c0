package org.customersegmentation.segmentation.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parallel streams, as Smile's k-means runs them, stay inside a job's own pool and within its parallelism. */
class BoundedParallelismTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aParallelStreamRunsInThePoolAndNeverWiderThanItsParallelism(int parallelism) {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger widest = new AtomicInteger();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();

        int sum = BoundedParallelism.run(parallelism, () -> IntStream.range(0, 16).parallel().map(i -> {
            threads.add(Thread.currentThread());
            widest.accumulateAndGet(running.incrementAndGet(), Math::max);
            running.decrementAndGet();
            return i;
        }).sum());

        assertThat(sum).isEqualTo(120);
        assertThat(widest.get()).isLessThanOrEqualTo(parallelism);
        assertThat(threads).hasSizeLessThanOrEqualTo(parallelism).allSatisfy(thread -> {
            assertThat(thread).isInstanceOf(ForkJoinWorkerThread.class);
            assertThat(((ForkJoinWorkerThread) thread).getPool()).isNotSameAs(ForkJoinPool.commonPool());
        });
    }

    @Test
    void theWorksExceptionReachesTheCallerAsItself() {
        assertThatThrownBy(() -> BoundedParallelism.run(2, () -> {
            throw new IllegalArgumentException("k > points");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("k > points");
    }
}
