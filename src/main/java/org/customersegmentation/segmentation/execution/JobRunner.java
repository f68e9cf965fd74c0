package org.customersegmentation.segmentation.execution;

import java.util.UUID;
import org.customersegmentation.dataset.CustomerFeatures;
import org.customersegmentation.dataset.Datasets;
import org.customersegmentation.engine.EngineException;
import org.customersegmentation.engine.FeatureMatrix;
import org.customersegmentation.engine.RunControl;
import org.customersegmentation.engine.SegmentationEngine;
import org.customersegmentation.engine.SegmentationOutcome;
import org.customersegmentation.observability.LogContext;
import org.customersegmentation.observability.TraceContexts;
import org.customersegmentation.postgres.DatabaseFaults;
import org.customersegmentation.segmentation.job.EffectiveRequest;
import org.customersegmentation.segmentation.job.JobLimits;
import org.customersegmentation.segmentation.job.SegmentationJobRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Runs one claimed job: reads its features, segments them, and records the outcome. */
@Component
class JobRunner {

    /** Attempts a job gets when it fails for reasons other than its request or data. */
    static final int MAX_ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final Datasets datasets;
    private final JobLifecycle lifecycle;
    private final RunningJobs running;
    private final JobLimits limits;
    private final SegmentationJobRepository jobs;
    private final TraceContexts traces;

    private final int parallelism;

    JobRunner(Datasets datasets, JobLifecycle lifecycle, RunningJobs running, JobLimits limits,
              SegmentationJobRepository jobs, TraceContexts traces) {
        this.datasets = datasets;
        this.jobs = jobs;
        this.traces = traces;
        this.lifecycle = lifecycle;
        this.running = running;
        this.limits = limits;
        this.parallelism = limits.parallelism() > 0 ? limits.parallelism() : Runtime.getRuntime().availableProcessors();
    }

    /**
     * Runs the job as a new attempt, unless it has finished or been deleted meanwhile, in the trace of the request
     * that created it and with the job's ID in every line it logs.
     */
    void run(UUID jobId) {
        try (TraceContexts.Continued trace = traces.continueTrace(jobs.findTraceParent(jobId).orElse(null), "segmentation-job")) {
            lifecycle.claim(jobId).ifPresent(job -> {
                try (LogContext jobLog = LogContext.job(job.id(), job.tenant())) {
                    run(job);
                }
            });
        }
    }

    private void run(JobLifecycle.ClaimedJob job) {
        EffectiveRequest request = job.request();
        long started = System.nanoTime();
        RunControl control = running.start(job.id());
        try {
            CustomerFeatures features = datasets.features(request.datasetId(), request.features());
            FeatureMatrix matrix = EngineInput.of(features);
            SegmentationOutcome outcome = BoundedParallelism.run(parallelism, () -> request.k() != null
                    ? SegmentationEngine.segment(matrix, request.preprocessing(), request.k(), request.fitting(),
                            request.seed(), request.stabilityCheck(), control)
                    : SegmentationEngine.segment(matrix, request.preprocessing(), request.kRange().min(),
                            request.kRange().max(), request.kSelection(), request.minimumSegmentShare(),
                            request.fitting(), request.seed(), request.stabilityCheck(), control));
            control.saving();
            lifecycle.succeed(job, outcome, features.customerIds());
            log.info("Job {} attempt {} succeeded: {} customers, k={}, {} ms ({})", job.id(), job.attempt(),
                    matrix.rowCount(), outcome.segments().size(), elapsedMillis(started), control.phaseSummary());
        } catch (EngineException e) {
            log.info("Job {} failed: {}", job.id(), e.getMessage());
            fail(job, "Segmentation failed", e.getMessage());
        } catch (RunControl.CancelledException e) {
            if (control.isTimedOut()) {
                log.info("Job {} attempt {} stopped after {} ms: out of time", job.id(), job.attempt(), elapsedMillis(started));
                fail(job, "Time limit exceeded", "The segmentation ran longer than its time limit ("
                        + limits.maxRunTime() + ") and was stopped. Try a narrower kRange, fewer restarts or features, "
                        + "or ask for a longer limit.");
            } else {
                log.info("Job {} attempt {} stopped after {} ms: it was cancelled or deleted", job.id(), job.attempt(),
                        elapsedMillis(started));
            }
        } catch (JobLifecycle.LostClaimException e) {
            log.warn("Dropping the outcome of job {}: {}", job.id(), e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            if (DatabaseFaults.isConnectionFault(e)) {
                // the database went away: the job is not at fault, however often that happens; it runs again later
                log.warn("Job {} attempt {} lost the database ({}); it will be tried again", job.id(), job.attempt(),
                        e.toString());
                throw e;
            }
            // not the request's or the data's fault (other jobs held the memory, say): the scheduler tries again
            // later; an Error counts too, or a job too big for the heap would loop for ever
            if (job.attempt() < MAX_ATTEMPTS) {
                log.warn("Job {} attempt {} failed; it will be tried again", job.id(), job.attempt(), e);
                throw e;
            }
            log.error("Job {} attempt {} failed; giving up", job.id(), job.attempt(), e);
            if (e instanceof OutOfMemoryError) {
                fail(job, "Out of memory", "The service ran out of memory on this job " + job.attempt() + " times. "
                        + "Segment fewer customers or features, or ask for a narrower kRange or more memory.");
            } else {
                fail(job, "Internal error", "The job failed " + job.attempt() + " times for reasons unrelated to its "
                        + "data. It has been logged; please try again.");
            }
        } finally {
            running.finish(job.id());
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** Records the failure, unless the job was taken over or deleted (with its dataset) meanwhile. */
    private void fail(JobLifecycle.ClaimedJob job, String title, String detail) {
        try {
            lifecycle.fail(job, title, detail);
        } catch (JobLifecycle.LostClaimException e) {
            log.warn("Dropping the failure of job {}: {}", job.id(), e.getMessage());
        }
    }
}
