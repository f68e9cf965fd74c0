package org.customersegmentation.segmentation;

import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Takes queued jobs from the database while it has a free thread: on a fixed poll, and at once when a job is
 * queued by this instance. The database row is the only record of a job, so any instance may run any job.
 */
@Component
@EnableConfigurationProperties(WorkerProperties.class)
class JobWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JobWorker.class);

    private final JobLifecycle lifecycle;
    private final JobRunner runner;
    private final Semaphore freeThreads;
    private final ThreadPoolTaskExecutor executor;
    private volatile boolean accepting = true;

    JobWorker(JobLifecycle lifecycle, JobRunner runner, WorkerProperties properties) {
        this.lifecycle = lifecycle;
        this.runner = runner;
        this.freeThreads = new Semaphore(properties.threads());
        this.executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(properties.threads());
        executor.setMaxPoolSize(properties.threads());
        executor.setThreadNamePrefix("segmentation-worker-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationMillis(properties.shutdownGrace().toMillis());
        executor.initialize();
    }

    @Scheduled(fixedDelayString = "${segmentation.worker.poll-interval:1s}")
    void poll() {
        claimWhileThreadsAreFree();
    }

    @TransactionalEventListener
    void onJobQueued(JobQueued event) {
        claimWhileThreadsAreFree();
    }

    private void claimWhileThreadsAreFree() {
        while (accepting && freeThreads.tryAcquire()) {
            Optional<JobLifecycle.ClaimedJob> claim;
            try {
                claim = lifecycle.claimNext();
            } catch (RuntimeException e) {
                freeThreads.release();
                log.warn("Could not claim a queued job; will try again on the next poll", e);
                return;
            }
            if (claim.isEmpty()) {
                freeThreads.release();
                return;
            }
            try {
                executor.execute(() -> {
                    try {
                        runner.run(claim.get());
                    } finally {
                        freeThreads.release();
                    }
                });
            } catch (TaskRejectedException e) {
                // shutting down between the claim and the hand-over: another instance, or the next start, takes it
                freeThreads.release();
                lifecycle.release(claim.get());
                return;
            }
        }
    }

    /** Stops claiming, then waits up to the shutdown grace for running jobs. */
    @Override
    public void destroy() {
        accepting = false;
        executor.shutdown();
    }
}
