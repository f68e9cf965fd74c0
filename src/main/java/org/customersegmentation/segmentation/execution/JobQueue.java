package org.customersegmentation.segmentation.execution;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.customersegmentation.segmentation.job.SegmentationJob;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Jobs run as executions of one db-scheduler task, {@value #TASK}, whose instance is the job's ID. The scheduler
 * keeps them in PostgreSQL beside the jobs, claims them with {@code SELECT ... FOR UPDATE SKIP LOCKED} on any
 * instance, beats a heartbeat while one runs, and runs again an execution whose heartbeat stopped (a killed
 * instance). The job row stays what clients read; {@link JobRunner} moves it along. The scheduler is looked up
 * lazily: it needs the tasks ({@link JobTask}), which need the runner, which ends jobs through this queue.
 */
@Component
public class JobQueue {

    static final String TASK = "segmentation-job";
    static final String CALLBACK_TASK = "job-callback";

    private final Scheduler scheduler;
    private final Clock clock;

    JobQueue(@Lazy Scheduler scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Schedules the job in the caller's transaction: a job is never stored without being scheduled. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(UUID jobId) {
        scheduler.scheduleIfNotExists(new TaskInstance<Void>(TASK, jobId.toString()), Instant.now(clock));
    }

    /**
     * Once the job has ended, schedules the POST to its callbackUrl, if it has one, in the transaction that ended
     * it: a callback is never lost to a restart.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void ended(SegmentationJob job) {
        if (job.request().callbackUrl() != null) {
            scheduler.scheduleIfNotExists(new TaskInstance<Void>(CALLBACK_TASK, job.id().toString()), Instant.now(clock));
        }
    }

    /** Once the job is committed, a scheduler with a free thread takes it without waiting for its next poll. */
    @TransactionalEventListener
    void onJobQueued(JobQueued event) {
        scheduler.triggerCheckForDueExecutions();
    }
}
