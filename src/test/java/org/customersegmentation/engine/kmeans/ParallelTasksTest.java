package org.customersegmentation.engine.kmeans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.customersegmentation.engine.EngineException;
import org.junit.jupiter.api.Test;

class ParallelTasksTest {

    @Test
    void resultsComeBackInTaskOrderWithAtMostThePoolsParallelismRunningAtOnce() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();

        CyclicBarrier pairs = new CyclicBarrier(2); // each task waits for one running beside it: never alone, never three
        List<Integer> results = inPool(2, () -> ParallelTasks.map(12, task -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            await(pairs);
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

        CyclicBarrier pairs = new CyclicBarrier(2); // both workers hold a task at once, so both run parallel work
        List<Boolean> undisturbed = inPool(2, () -> ParallelTasks.map(8, task -> {
            owner.set(task);
            await(pairs);
            IntStream.range(0, 64).parallel().forEach(i -> threadsOfParallelWork.add(Thread.currentThread().getName()));
            await(pairs); // the other task's parallel work, on its own thread, has run meanwhile
            return owner.get() == task;
        }));

        assertThat(undisturbed).containsOnly(true);
        assertThat(threadsOfParallelWork).hasSize(2).noneMatch(name -> name.contains("commonPool"));
    }

    @Test
    void theFirstFailureIsRethrownAsItWas() {
        CountDownLatch failing = new CountDownLatch(1);

        assertThatThrownBy(() -> inPool(2, () -> ParallelTasks.map(6, task -> {
            if (task == 3) {
                failing.countDown();
                throw new EngineException("task 3 failed");
            }
            if (task > 3) {
                await(failing); // still running when the failure comes
            }
            return task;
        }))).isInstanceOf(EngineException.class).hasMessage("task 3 failed");
    }

    @Test
    void noTaskStartsAfterOneHasFailed() {
        AtomicInteger started = new AtomicInteger();

        // one worker: the failure is recorded before the worker could take another task
        assertThatThrownBy(() -> inPool(1, () -> ParallelTasks.map(100, task -> {
            started.incrementAndGet();
            if (task == 3) {
                throw new EngineException("task 3 failed");
            }
            return task;
        }))).isInstanceOf(EngineException.class);
        assertThat(started).hasValue(4);
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

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS); // a bound on a broken test, not a pause: it returns as soon as both arrive
        } catch (Exception e) {
            throw new AssertionError("the other task never arrived", e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the failing task never ran");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
