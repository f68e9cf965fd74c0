package org.customersegmentation.segmentation.job;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.customersegmentation.common.ConflictException;
import org.customersegmentation.common.NotFoundException;
import org.customersegmentation.common.QuotaExceededException;
import org.customersegmentation.dataset.DatasetSchema;
import org.customersegmentation.dataset.Datasets;
import org.customersegmentation.observability.TraceContexts;
import org.customersegmentation.security.Tenant;
import org.customersegmentation.segmentation.SegmentationDeleted;
import org.customersegmentation.segmentation.callback.CallbackTargets;
import org.customersegmentation.segmentation.execution.JobQueue;
import org.customersegmentation.segmentation.execution.JobTelemetry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@EnableConfigurationProperties(JobLimits.class)
public class JobService {

    private final SegmentationJobRepository jobs;
    private final Datasets datasets;
    private final JobQueue queue;
    private final JobLimits limits;
    private final Admission admission;
    private final JobTelemetry telemetry;
    private final CallbackTargets callbackTargets;
    private final ApplicationEventPublisher events;
    private final TraceContexts traces;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    JobService(SegmentationJobRepository jobs, Datasets datasets, JobQueue queue, JobLimits limits, Admission admission,
               JobTelemetry telemetry, CallbackTargets callbackTargets, ApplicationEventPublisher events,
               TraceContexts traces, Clock clock) {
        this.jobs = jobs;
        this.datasets = datasets;
        this.queue = queue;
        this.limits = limits;
        this.admission = admission;
        this.telemetry = telemetry;
        this.callbackTargets = callbackTargets;
        this.events = events;
        this.traces = traces;
        this.clock = clock;
    }

    /**
     * Checks the request against the dataset and the tenant's limits, and queues the job: it is handed to the
     * scheduler at once if the tenant may run another job, otherwise when one of its jobs ends.
     */
    @Transactional
    public JobView create(Tenant tenant, SegmentationRequest request) {
        requireQueueRoom(tenant);
        DatasetSchema dataset = datasets.schema(tenant, request.datasetId());
        EffectiveRequest effective = request.refreshOf() == null
                ? RequestChecks.effective(request, dataset, random.nextLong(),
                        callbackTargets.checked(tenant, request.callbackUrl()))
                : refresh(tenant, request, dataset);
        admission.check(tenant, effective, dataset);
        SegmentationJob job = jobs.saveAndFlush(new SegmentationJob(UUID.randomUUID(), tenant.id(), effective, now(),
                traces.traceParent()));
        queue.dispatch(tenant.id());
        telemetry.submitted(job);
        return JobView.of(job);
    }

    /** The earlier job's request with the caller's changes: 404 for a job not the tenant's, 409 unless SUCCEEDED. */
    private EffectiveRequest refresh(Tenant tenant, SegmentationRequest request, DatasetSchema dataset) {
        SegmentationJob earlier = find(tenant, request.refreshOf());
        if (earlier.status() != JobStatus.SUCCEEDED) {
            throw new ConflictException("Segmentation not refreshable", "Segmentation " + earlier.id() + " is "
                    + earlier.status() + "; only a SUCCEEDED segmentation can be refreshed.",
                    Map.of("parameter", "refreshOf", "jobStatus", earlier.status()));
        }
        SegmentationRequest merged = RefreshChecks.merged(request, earlier.request());
        DatasetSchema earlierDataset = datasets.schema(tenant, earlier.datasetId());
        RefreshChecks.check(earlier.id(), merged.features(), earlier.request(), earlierDataset, dataset);
        return RequestChecks.effective(merged, dataset, random.nextLong(),
                callbackTargets.checked(tenant, request.callbackUrl()), earlier.id());
    }

    @Transactional(readOnly = true)
    public JobView get(Tenant tenant, UUID id) {
        return JobView.of(find(tenant, id));
    }

    /** 429 when the tenant already has as many queued jobs as it may. */
    private void requireQueueRoom(Tenant tenant) {
        jobs.lockTenantQueue(tenant.id());
        long queued = jobs.countByTenantIdAndStatus(tenant.id(), JobStatus.QUEUED);
        if (queued >= limits.maxQueuedPerTenant()) {
            throw new QuotaExceededException("Too many queued segmentations", "You have " + queued + " segmentations "
                    + "waiting to run, the most allowed; start more once some have begun, or cancel some.",
                    Map.of("queued", queued));
        }
    }

    /** The tenant's jobs, newest first, optionally of one status or dataset. */
    @Transactional(readOnly = true)
    public Page<JobView> list(Tenant tenant, JobStatus status, UUID datasetId, Pageable pageable) {
        return jobs.list(tenant.id(), status, datasetId, pageable).map(JobView::of);
    }

    /** Cancels a queued or running job; 409 when it has already finished, even if only just now. */
    @Transactional
    public JobView cancel(Tenant tenant, UUID id) {
        find(tenant, id);
        if (!jobs.cancel(id, tenant.id(), now())) {
            JobStatus status = find(tenant, id).status();
            throw new ConflictException("Segmentation finished", "Segmentation " + id + " has already finished ("
                    + status + "); only a QUEUED or RUNNING one can be cancelled.", Map.of("jobStatus", status));
        }
        SegmentationJob job = find(tenant, id);
        telemetry.finished(job);
        queue.ended(job);
        return JobView.of(job);
    }

    /** Deletes a finished job with its results; 409 while it is queued or running. */
    @Transactional
    public void delete(Tenant tenant, UUID id) {
        find(tenant, id);
        if (!jobs.deleteFinished(id, tenant.id())) {
            JobStatus status = find(tenant, id).status();
            throw new ConflictException("Segmentation not finished", "Segmentation " + id + " is " + status
                    + "; cancel it first, then delete it.", Map.of("jobStatus", status));
        }
        events.publishEvent(new SegmentationDeleted(id));
    }

    /** 409 naming the status unless the job has succeeded. */
    @Transactional(readOnly = true)
    public SegmentationJob requireSucceeded(Tenant tenant, UUID id) {
        SegmentationJob job = find(tenant, id);
        if (job.status() != JobStatus.SUCCEEDED) {
            throw new ConflictException("Segmentation not finished", "Segmentation " + id + " is " + job.status()
                    + "; results exist only once it has SUCCEEDED.", Map.of("jobStatus", job.status()));
        }
        return job;
    }

    private SegmentationJob find(Tenant tenant, UUID id) {
        return jobs.findByIdAndTenantId(id, tenant.id()).orElseThrow(() -> new NotFoundException("segmentation", id));
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
