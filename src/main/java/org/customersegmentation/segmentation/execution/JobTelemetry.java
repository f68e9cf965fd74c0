package org.customersegmentation.segmentation.execution;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.customersegmentation.segmentation.job.JobStatus;
import org.customersegmentation.segmentation.job.SegmentationJob;
import org.customersegmentation.segmentation.job.SegmentationJobRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every job status change, as a log line with the job and its tenant (never customer data) and as Micrometer
 * metrics, served at /actuator/prometheus. Counters and timers count this instance's work; the two gauges read
 * the database, so every instance reports the whole queue.
 */
@Component
public class JobTelemetry {

    private static final Logger log = LoggerFactory.getLogger(JobTelemetry.class);

    private final Counter submitted;
    private final Counter succeeded;
    private final Counter failed;
    private final Counter cancelled;
    private final Timer timeInQueue;
    private final Timer duration;

    JobTelemetry(MeterRegistry registry, SegmentationJobRepository jobs) {
        submitted = counter(registry, "submitted");
        succeeded = counter(registry, "succeeded");
        failed = counter(registry, "failed");
        cancelled = counter(registry, "cancelled");
        timeInQueue = Timer.builder("segmentation.jobs.queue.time").description("From submission to a job's first start")
                .register(registry);
        duration = Timer.builder("segmentation.jobs.duration")
                .description("From the start of the attempt that finished a job to its end, SUCCEEDED or FAILED")
                .register(registry);
        Gauge.builder("segmentation.jobs.queued", jobs, repository -> repository.countByStatus(JobStatus.QUEUED))
                .description("Jobs waiting to run, on all instances").register(registry);
        Gauge.builder("segmentation.jobs.running", jobs, repository -> repository.countByStatus(JobStatus.RUNNING))
                .description("Jobs running, on all instances").register(registry);
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("segmentation.jobs." + outcome).description("Jobs " + outcome + " on this instance")
                .register(registry);
    }

    public void submitted(SegmentationJob job) {
        submitted.increment();
        changed(job);
    }

    void started(SegmentationJob job) {
        if (job.attempt() == 1) {
            timeInQueue.record(Duration.between(job.createdAt(), job.startedAt()));
        }
        changed(job);
    }

    public void finished(SegmentationJob job) {
        switch (job.status()) {
            case SUCCEEDED -> succeeded.increment();
            case FAILED -> failed.increment();
            case CANCELLED -> cancelled.increment();
            default -> throw new IllegalArgumentException("Job " + job.id() + " has not finished");
        }
        if (job.startedAt() != null && job.status() != JobStatus.CANCELLED) {
            duration.record(Duration.between(job.startedAt(), job.finishedAt()));
        }
        changed(job);
    }

    private static void changed(SegmentationJob job) {
        log.atInfo().addKeyValue("jobId", job.id()).addKeyValue("tenant", job.tenantId())
                .addKeyValue("status", job.status()).addKeyValue("attempt", job.attempt())
                .log("Job {} of tenant {} is {} (attempt {})", job.id(), job.tenantId(), job.status(), job.attempt());
    }
}
