package org.customersegmentation.engine.kmeans;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * Runs independent tasks side by side, as many at once as the fork-join pool the caller runs in has threads (the
 * common pool's, outside one), each task whole on one thread of a single-thread pool of its own. Smile draws its
 * random numbers from a per-thread generator, so two fits must never share a thread: fork-join workers that wait
 * on a parallel stream run other queued tasks meanwhile, which would interleave two fits' draws. Inside a task,
 * Smile's parallel streams stay on the task's thread; the threads in all stay within the caller's parallelism.
 */
public final class ParallelTasks {

    private ParallelTasks() {
    }

    /**
     * The results of tasks 0 to {@code count - 1}, in that order, started in that order. When a task throws, no
     * further task starts; the first exception is rethrown once the running ones have ended.
     */
    public static <T> List<T> map(int count, IntFunction<T> task) {
        int threads = Math.min(count, callersParallelism());
        if (threads <= 1) {
            List<T> results = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                results.add(task.apply(i));
            }
            return results;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        AtomicReferenceArray<T> results = new AtomicReferenceArray<>(count);
        List<ForkJoinPool> pools = new ArrayList<>();
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                ForkJoinPool pool = new ForkJoinPool(1);
                pools.add(pool);
                workers.add(CompletableFuture.runAsync(() -> {
                    for (int i = next.getAndIncrement(); i < count && !failed.get(); i = next.getAndIncrement()) {
                        try {
                            results.set(i, task.apply(i));
                        } catch (RuntimeException | Error e) {
                            failed.set(true);
                            throw e;
                        }
                    }
                }, pool));
            }
            awaitAll(workers);
        } finally {
            pools.forEach(ForkJoinPool::shutdownNow);
        }
        List<T> ordered = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ordered.add(results.get(i));
        }
        return ordered;
    }

    private static int callersParallelism() {
        ForkJoinPool pool = ForkJoinTask.getPool();
        return pool != null ? pool.getParallelism() : ForkJoinPool.getCommonPoolParallelism();
    }

    /** Waits for every worker, then rethrows the first one's exception as it was thrown. */
    private static void awaitAll(List<CompletableFuture<Void>> workers) {
        Throwable first = null;
        for (CompletableFuture<Void> worker : workers) {
            try {
                worker.get();
            } catch (ExecutionException e) {
                first = first == null ? e.getCause() : first;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                first = first == null ? e : first;
            }
        }
        switch (first) {
            case null -> { }
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> throw new IllegalStateException(first);
        }
    }
}
