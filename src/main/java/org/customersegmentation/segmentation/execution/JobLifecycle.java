package org.customersegmentation.segmentation.execution;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.customersegmentation.engine.SegmentationOutcome;
import org.customersegmentation.segmentation.JobOutcomeStore;
import org.customersegmentation.segmentation.job.EffectiveRequest;
import org.customersegmentation.segmentation.job.SegmentationJob;
import org.customersegmentation.segmentation.job.SegmentationJobRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The transactions that move a job through its statuses on behalf of a worker. */
@Service
class JobLifecycle {

    /** What a worker needs to run a job it has claimed. */
    record ClaimedJob(UUID id, String tenant, int attempt, EffectiveRequest request) {
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
        if (!jobs.start(jobId, now())) {
            return Optional.empty();
        }
        SegmentationJob job = jobs.findById(jobId).orElseThrow();
        telemetry.started(job);
        return Optional.of(new ClaimedJob(job.id(), job.tenantId(), job.attempt(), job.request()));
    }

    /**
     * Marks the job SUCCEEDED and stores its results in one transaction, provided the claim is still the job's
     * latest attempt and the job has not been cancelled: results are written exactly once per job, whatever an
     * earlier attempt left, and never for a job that ends otherwise. The status changes first, so that a cancel
     * racing with it waits for the row and then finds the job finished.
     */
    @Transactional
    void succeed(ClaimedJob claim, SegmentationOutcome outcome, String[] customerIds) {
        if (!jobs.succeed(claim.id(), claim.attempt(), now())) {
            throw lost(claim);
        }
        outcomes.save(claim.id(), claim.request().features(), claim.request().refreshOf(), outcome, customerIds);
        ended(claim.id());
    }

    @Transactional
    void fail(ClaimedJob claim, String title, String detail) {
        if (!jobs.fail(claim.id(), claim.attempt(), title, detail, now())) {
            throw lost(claim);
        }
        ended(claim.id());
    }

    private void ended(UUID jobId) {
        SegmentationJob job = jobs.findById(jobId).orElseThrow();
        telemetry.finished(job);
        queue.ended(job);
    }

    private static LostClaimException lost(ClaimedJob claim) {
        return new LostClaimException("Job " + claim.id() + " attempt " + claim.attempt()
                + " is no longer the running claim: it was cancelled, deleted or taken over.");
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
