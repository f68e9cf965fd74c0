package org.customersegmentation.segmentation;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Jobs run as executions of one db-scheduler task, {@value #TASK}, whose instance is the job's ID. The scheduler
 * keeps them in PostgreSQL beside the jobs, claims them with {@code SELECT ... FOR UPDATE SKIP LOCKED} on any
 * instance, beats a heartbeat while one runs, and runs again an execution whose heartbeat stopped (a killed
 * instance). The job row stays what clients read; {@link JobRunner} moves it along.
 */
@Component
class JobQueue {

    static final String TASK = "segmentation-job";

    private final OneTimeTask<Void> task;
    private final Scheduler scheduler;
    private final Clock clock;

    JobQueue(OneTimeTask<Void> task, Scheduler scheduler, Clock clock) {
        this.task = task;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Schedules the job in the caller's transaction: a job is never stored without being scheduled. */
    @Transactional(propagation = Propagation.MANDATORY)
    void enqueue(UUID jobId) {
        scheduler.scheduleIfNotExists(task.instance(jobId.toString()), Instant.now(clock));
    }

    /** Once the job is committed, a scheduler with a free thread takes it without waiting for its next poll. */
    @TransactionalEventListener
    void onJobQueued(JobQueued event) {
        scheduler.triggerCheckForDueExecutions();
    }
}
