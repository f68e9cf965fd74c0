package org.customersegmentation.segmentation.execution;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

/**
 * Runs work in a fork-join pool of its own. Smile's k-means runs parallel streams, which would otherwise take the
 * whole common pool, whatever else the instance runs; started inside this pool they use at most its parallelism.
 */
final class BoundedParallelism {

    private BoundedParallelism() {
    }

    static <T> T run(int parallelism, Supplier<T> work) {
        ForkJoinPool pool = new ForkJoinPool(parallelism);
        try {
            // not pool.submit(...).get(): a fork-join task rethrows a copy of the work's exception, wrapping the original
            return CompletableFuture.supplyAsync(work, pool).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }
}
