package org.customersegmentation.segmentation.execution;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.customersegmentation.limits.TenantLimits;
import org.customersegmentation.segmentation.job.SegmentationJob;
import org.customersegmentation.segmentation.job.SegmentationJobRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Jobs run as executions of one db-scheduler task, {@value #TASK}, whose instance is the job's ID. The scheduler
 * keeps them in PostgreSQL beside the jobs, claims them with {@code SELECT ... FOR UPDATE SKIP LOCKED} on any
 * instance, beats a heartbeat while one runs, and runs again an execution whose heartbeat stopped (a killed
 * instance). The job row stays what clients read; {@link JobRunner} moves it along. The scheduler is looked up
 * lazily: it needs the tasks ({@link JobTask}), which need the runner, which ends jobs through this queue.
 *
 * <p>Fairness between tenants: a job waits in its tenant's own line until the tenant has fewer jobs dispatched
 * (handed to the scheduler and not finished) than its {@code runningJobs} limit, across all replicas; only then
 * does it get its execution. So one tenant's twenty queued jobs never stand between another tenant's job and a
 * free worker, which takes executions in the order they were dispatched: round-robin between tenants with work.
 * Dispatching happens when a job is queued, when one ends, and every second for whatever a deletion freed.
 */
@Component
public class JobQueue {

    static final String TASK = "segmentation-job";
    static final String CALLBACK_TASK = "job-callback";

    private final Scheduler scheduler;
    private final SegmentationJobRepository jobs;
    private final JdbcTemplate jdbc;
    private final TenantLimits limits;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    JobQueue(@Lazy Scheduler scheduler, SegmentationJobRepository jobs, JdbcTemplate jdbc, TenantLimits limits,
             ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
        this.scheduler = scheduler;
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.limits = limits;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Hands the tenant's waiting jobs to the scheduler, oldest first, for as many as the tenant may still run, in
     * the caller's transaction: a job is never dispatched without its execution, nor the other way round. Serialized
     * per tenant by an advisory lock, so that two instances cannot both fill the tenant's last slot.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void dispatch(String tenantId) {
        jobs.lockTenantQueue(tenantId);
        Long active = jdbc.queryForObject("SELECT count(*) FROM segmentation_job WHERE tenant_id = ? "
                + "AND status IN ('QUEUED', 'RUNNING') AND dispatched_at IS NOT NULL", Long.class, tenantId);
        long room = limits.of(tenantId).runningJobs() - active;
        if (room <= 0) {
            return;
        }
        Instant now = Instant.now(clock);
        // SKIP LOCKED: a waiting job that a cancel is changing is left to it
        List<UUID> next = jdbc.queryForList("SELECT id FROM segmentation_job WHERE tenant_id = ? AND status = 'QUEUED' "
                + "AND dispatched_at IS NULL ORDER BY created_at, id LIMIT ? FOR UPDATE SKIP LOCKED", UUID.class, tenantId, room);
        for (UUID jobId : next) {
            jdbc.update("UPDATE segmentation_job SET dispatched_at = ? WHERE id = ?", Timestamp.from(now), jobId);
            scheduler.scheduleIfNotExists(new TaskInstance<Void>(TASK, jobId.toString()), now);
        }
        if (!next.isEmpty()) {
            events.publishEvent(new JobsDispatched(next.size()));
        }
    }

    /**
     * Once the job has ended, frees its slot for the tenant's next job and schedules the POST to its callbackUrl,
     * if it has one, in the transaction that ended it: neither is ever lost to a restart.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void ended(SegmentationJob job) {
        if (job.request().callbackUrl() != null) {
            scheduler.scheduleIfNotExists(new TaskInstance<Void>(CALLBACK_TASK, job.id().toString()), Instant.now(clock));
        }
        dispatch(job.tenantId());
    }

    /** Slots freed otherwise, when running jobs were deleted with their dataset, are filled here. */
    @Scheduled(fixedDelayString = "${segmentation.jobs.dispatch-interval:1s}")
    void dispatchWaiting() {
        for (String tenantId : jdbc.queryForList("SELECT DISTINCT tenant_id FROM segmentation_job "
                + "WHERE status = 'QUEUED' AND dispatched_at IS NULL", String.class)) {
            transaction.executeWithoutResult(status -> dispatch(tenantId));
        }
    }

    /** Once dispatched jobs are committed, a scheduler with a free thread takes them without waiting for its poll. */
    @TransactionalEventListener
    void onDispatched(JobsDispatched event) {
        scheduler.triggerCheckForDueExecutions();
    }
}
