package org.customersegmentation.segmentation.execution;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.customersegmentation.observability.LogContext;
import org.customersegmentation.observability.MetricTenants;
import org.customersegmentation.segmentation.job.JobStatus;
import org.customersegmentation.segmentation.job.SegmentationJob;
import org.customersegmentation.segmentation.job.SegmentationJobRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every job status change, as a log line with the job and its tenant (never customer data) and as Micrometer
 * metrics, served at /actuator/prometheus. Counters and timers count this instance's work, tagged with the tenant
 * (the {@link MetricTenants} named, the rest as {@code other}); the two gauges read the database, so every instance
 * reports the whole queue.
 */
@Component
public class JobTelemetry {

    private static final Logger log = LoggerFactory.getLogger(JobTelemetry.class);
    private static final String TENANT = "tenant";

    private final Meter.MeterProvider<Counter> submitted;
    private final Meter.MeterProvider<Counter> succeeded;
    private final Meter.MeterProvider<Counter> failed;
    private final Meter.MeterProvider<Counter> cancelled;
    private final Meter.MeterProvider<Timer> timeInQueue;
    private final Meter.MeterProvider<Timer> duration;
    private final MetricTenants tenants;

    JobTelemetry(MeterRegistry registry, SegmentationJobRepository jobs, MetricTenants tenants) {
        this.tenants = tenants;
        submitted = counter(registry, "submitted");
        succeeded = counter(registry, "succeeded");
        failed = counter(registry, "failed");
        cancelled = counter(registry, "cancelled");
        timeInQueue = Timer.builder("segmentation.jobs.queue.time").description("From submission to a job's first start")
                .withRegistry(registry);
        duration = Timer.builder("segmentation.jobs.duration")
                .description("From the start of the attempt that finished a job to its end, SUCCEEDED or FAILED")
                .withRegistry(registry);
        Gauge.builder("segmentation.jobs.queued", jobs, repository -> repository.countByStatus(JobStatus.QUEUED))
                .description("Jobs waiting to run, on all instances").register(registry);
        Gauge.builder("segmentation.jobs.running", jobs, repository -> repository.countByStatus(JobStatus.RUNNING))
                .description("Jobs running, on all instances").register(registry);
    }

    private static Meter.MeterProvider<Counter> counter(MeterRegistry registry, String outcome) {
        return Counter.builder("segmentation.jobs." + outcome).description("Jobs " + outcome + " on this instance")
                .withRegistry(registry);
    }

    public void submitted(SegmentationJob job) {
        submitted.withTag(TENANT, tenants.tagOf(job.tenantId())).increment();
        changed(job);
    }

    void started(SegmentationJob job) {
        if (job.attempt() == 1) {
            timeInQueue.withTag(TENANT, tenants.tagOf(job.tenantId()))
                    .record(Duration.between(job.createdAt(), job.startedAt()));
        }
        changed(job);
    }

    public void finished(SegmentationJob job) {
        Meter.MeterProvider<Counter> outcome = switch (job.status()) {
            case SUCCEEDED -> succeeded;
            case FAILED -> failed;
            case CANCELLED -> cancelled;
            default -> throw new IllegalArgumentException("Job " + job.id() + " has not finished");
        };
        String tenant = tenants.tagOf(job.tenantId());
        outcome.withTag(TENANT, tenant).increment();
        if (job.startedAt() != null && job.status() != JobStatus.CANCELLED) {
            duration.withTag(TENANT, tenant).record(Duration.between(job.startedAt(), job.finishedAt()));
        }
        changed(job);
    }

    private static void changed(SegmentationJob job) {
        try (LogContext jobLog = LogContext.job(job.id(), job.tenantId())) {
            log.atInfo().addKeyValue("status", job.status()).addKeyValue("attempt", job.attempt())
                    .log("Job {} of tenant {} is {} (attempt {})", job.id(), job.tenantId(), job.status(), job.attempt());
        }
    }
}
