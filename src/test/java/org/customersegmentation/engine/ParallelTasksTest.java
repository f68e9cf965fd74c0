package org.customersegmentation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTasksTest {

    @Test
    void resultsComeBackInTaskOrderWithAtMostThePoolsParallelismRunningAtOnce() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();

        List<Integer> results = inPool(2, () -> ParallelTasks.map(12, task -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            sleep(20);
            running.decrementAndGet();
            return task * task;
        }));

        assertThat(results).containsExactly(0, 1, 4, 9, 16, 25, 36, 49, 64, 81, 100, 121);
        assertThat(mostAtOnce).hasValue(2);
    }

    @Test
    void aTaskAndTheParallelStreamsInsideItStayOnOneThreadThatNoOtherTaskShares() throws Exception {
        // a thread-local that a task sets first and reads after its own parallel work, as Smile's random generator
        ThreadLocal<Integer> owner = new ThreadLocal<>();
        Set<String> threadsOfParallelWork = ConcurrentHashMap.newKeySet();

        List<Boolean> undisturbed = inPool(2, () -> ParallelTasks.map(8, task -> {
            owner.set(task);
            IntStream.range(0, 64).parallel().forEach(i -> {
                threadsOfParallelWork.add(Thread.currentThread().getName());
                sleep(1);
            });
            return owner.get() == task;
        }));

        assertThat(undisturbed).containsOnly(true);
        assertThat(threadsOfParallelWork).hasSize(2).noneMatch(name -> name.contains("commonPool"));
    }

    @Test
    void theFirstFailureIsRethrownAsItWasAndStopsFurtherTasks() {
        AtomicInteger started = new AtomicInteger();

        assertThatThrownBy(() -> inPool(2, () -> ParallelTasks.map(100, task -> {
            started.incrementAndGet();
            if (task == 3) {
                throw new EngineException("task 3 failed");
            }
            sleep(5);
            return task;
        }))).isInstanceOf(EngineException.class).hasMessage("task 3 failed");
        assertThat(started.get()).isLessThan(10);
    }

    @Test
    void withOneThreadTheTasksRunInTurnOnTheCallersThread() throws Exception {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();

        Thread caller = inPool(1, () -> {
            ParallelTasks.map(5, task -> threads.add(Thread.currentThread()));
            return Thread.currentThread();
        });

        assertThat(threads).containsExactly(caller);
    }

    private static <T> T inPool(int parallelism, java.util.function.Supplier<T> work) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(parallelism);
        try {
            return CompletableFuture.supplyAsync(work, pool).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw (Exception) e.getCause();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
