package org.customersegmentation.segmentation.execution;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.customersegmentation.engine.SegmentationOutcome;
import org.customersegmentation.segmentation.JobOutcomeStore;
import org.customersegmentation.segmentation.job.EffectiveRequest;
import org.customersegmentation.segmentation.job.JobStatus;
import org.customersegmentation.segmentation.job.SegmentationJob;
import org.customersegmentation.segmentation.job.SegmentationJobRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The transactions that move a job through its statuses on behalf of a worker. */
@Service
class JobLifecycle {

    /** What a worker needs to run a job it has claimed. */
    record ClaimedJob(UUID id, int attempt, EffectiveRequest request) {
    }

    private final SegmentationJobRepository jobs;
    private final JobOutcomeStore outcomes;
    private final JobTelemetry telemetry;
    private final JobQueue queue;
    private final Clock clock;

    JobLifecycle(SegmentationJobRepository jobs, JobOutcomeStore outcomes, JobTelemetry telemetry, JobQueue queue,
                 Clock clock) {
        this.jobs = jobs;
        this.outcomes = outcomes;
        this.telemetry = telemetry;
        this.queue = queue;
        this.clock = clock;
    }

    /**
     * Marks the job RUNNING as a new attempt: a queued job's first, or the next of a job whose earlier attempt
     * died with its instance (the scheduler runs it again when its heartbeat stops). Empty when the job has
     * finished or no longer exists. From here on, only this attempt can record the job's outcome.
     */
    @Transactional
    Optional<ClaimedJob> claim(UUID jobId) {
        return jobs.lockById(jobId).filter(job -> !job.status().isFinished()).map(job -> {
            job.start(now());
            telemetry.started(job);
            return new ClaimedJob(job.id(), job.attempt(), job.request());
        });
    }

    /**
     * Stores the results and marks the job SUCCEEDED in one transaction, provided the claim is still the job's
     * latest attempt: results are written exactly once per job, whatever an earlier attempt left.
     */
    @Transactional
    void succeed(ClaimedJob claim, SegmentationOutcome outcome, String[] customerIds) {
        SegmentationJob job = lockOwnClaim(claim);
        outcomes.save(job.id(), job.request().features(), job.request().refreshOf(), outcome, customerIds);
        job.succeed(now());
        telemetry.finished(job);
        queue.ended(job);
    }

    @Transactional
    void fail(ClaimedJob claim, String title, String detail) {
        SegmentationJob job = lockOwnClaim(claim);
        job.fail(title, detail, now());
        telemetry.finished(job);
        queue.ended(job);
    }

    private SegmentationJob lockOwnClaim(ClaimedJob claim) {
        SegmentationJob job = jobs.lockById(claim.id())
                .orElseThrow(() -> new LostClaimException("Job " + claim.id() + " no longer exists."));
        if (job.status() != JobStatus.RUNNING || job.attempt() != claim.attempt()) {
            throw new LostClaimException("Job " + claim.id() + " attempt " + claim.attempt() + " is no longer the running claim.");
        }
        return job;
    }

    private Instant now() {
        return Instant.now(clock);
    }

    /** The job was taken over or removed while this attempt ran; its outcome must be dropped. */
    static class LostClaimException extends RuntimeException {
        LostClaimException(String message) {
            super(message);
        }
    }
}
