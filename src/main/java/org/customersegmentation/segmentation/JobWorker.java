package org.customersegmentation.segmentation;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Takes queued jobs from the database while it has a free thread: on a fixed poll, and soon after a job is
 * queued by this instance. The database row is the only record of a job, so any instance may run any job.
 */
@Component
@EnableConfigurationProperties(WorkerProperties.class)
class JobWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JobWorker.class);

    private final JobLifecycle lifecycle;
    private final JobRunner runner;
    private final TaskScheduler scheduler;
    private final WorkerProperties properties;
    private final Semaphore freeThreads;
    private final ThreadPoolTaskExecutor executor;
    private final Set<JobLifecycle.ClaimedJob> running = ConcurrentHashMap.newKeySet();
    private volatile boolean accepting = true;
    private volatile ScheduledFuture<?> polling;

    JobWorker(JobLifecycle lifecycle, JobRunner runner, TaskScheduler scheduler, WorkerProperties properties) {
        this.lifecycle = lifecycle;
        this.runner = runner;
        this.scheduler = scheduler;
        this.properties = properties;
        this.freeThreads = new Semaphore(properties.threads());
        this.executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(properties.threads());
        executor.setMaxPoolSize(properties.threads());
        executor.setThreadNamePrefix("segmentation-worker-");
        // A job still running when the grace period ends must not keep the JVM alive: its claim is handed back.
        executor.setDaemon(true);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationMillis(properties.shutdownGrace().toMillis());
        executor.initialize();
    }

    @EventListener(ApplicationReadyEvent.class)
    void startPolling() {
        polling = scheduler.scheduleWithFixedDelay(this::claimWhileThreadsAreFree, properties.pollInterval());
    }

    /** Wakes the worker off the request thread, so the caller's answer never waits for a claim. */
    @TransactionalEventListener
    void onJobQueued(JobQueued event) {
        scheduler.schedule(this::claimWhileThreadsAreFree, Instant.now());
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
            if (!handOver(claim.get())) {
                return;
            }
        }
    }

    private boolean handOver(JobLifecycle.ClaimedJob claim) {
        running.add(claim);
        try {
            executor.execute(() -> {
                try {
                    runner.run(claim);
                } finally {
                    running.remove(claim);
                    freeThreads.release();
                }
            });
            return true;
        } catch (TaskRejectedException e) {
            // shutting down between the claim and the hand-over
            running.remove(claim);
            freeThreads.release();
            releaseQuietly(claim);
            return false;
        }
    }

    /**
     * Stops claiming, waits up to the shutdown grace for running jobs, then hands the claims of jobs still
     * running back to the queue for another instance or the next start; their late outcome is refused.
     */
    @Override
    public void destroy() {
        accepting = false;
        if (polling != null) {
            polling.cancel(false);
        }
        executor.shutdown();
        running.forEach(this::releaseQuietly);
    }

    private void releaseQuietly(JobLifecycle.ClaimedJob claim) {
        try {
            lifecycle.release(claim);
            log.info("Job {} handed back to the queue", claim.id());
        } catch (RuntimeException e) {
            log.warn("Could not hand job {} back to the queue", claim.id(), e);
        }
    }
}
