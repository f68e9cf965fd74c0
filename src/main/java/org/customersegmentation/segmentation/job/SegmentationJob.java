package org.customersegmentation.segmentation.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.customersegmentation.engine.KSelectionMethod;
import org.customersegmentation.engine.Preprocessing;
import org.customersegmentation.segmentation.SucceededJob;

@Entity
@Table(name = "segmentation_job")
@SecondaryTable(name = "job_progress", pkJoinColumns = @PrimaryKeyJoinColumn(name = "job_id"))
public class SegmentationJob {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private String tenantId;

    @Column(name = "dataset_id", nullable = false)
    private UUID datasetId;

    // status, attempt, times and error change only through SegmentationJobRepository's conditional UPDATEs
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private JobStatus status;

    /** A fixed k; null when k is chosen from {@link #kMin}..{@link #kMax} by {@link #kSelection}. */
    private Integer k;

    @Column(name = "k_min")
    private Integer kMin;

    @Column(name = "k_max")
    private Integer kMax;

    @Enumerated(EnumType.STRING)
    @Column(name = "k_selection")
    private KSelectionMethod kSelection;

    @Column(nullable = false)
    private String[] features;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Preprocessing.Scaling scaling;

    @Column(name = "log_transform", nullable = false)
    private String[] logTransform;

    @Enumerated(EnumType.STRING)
    @Column(name = "missing_values", nullable = false)
    private Preprocessing.Imputation missingValues;

    @Column(name = "max_iterations", nullable = false)
    private int maxIterations;

    @Column(nullable = false)
    private double tolerance;

    @Column(name = "callback_url")
    private String callbackUrl;

    @Column(nullable = false)
    private long seed;

    @Column(name = "refresh_of")
    private UUID refreshOf;

    @Column(nullable = false)
    private int restarts;

    /** Resamples that score the segments' stability; null when it is not measured. */
    @Column(name = "stability_resamples")
    private Integer stabilityResamples;

    @Column(name = "min_segment_share")
    private Double minSegmentShare;

    /** How many times a worker has claimed the job; results are accepted only from the latest claim. */
    @Column(nullable = false, updatable = false)
    private int attempt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "trace_parent", updatable = false)
    private String traceParent;

    @Column(name = "started_at", updatable = false)
    private Instant startedAt;

    @Column(name = "finished_at", updatable = false)
    private Instant finishedAt;

    @Column(name = "error_title", updatable = false)
    private String errorTitle;

    @Column(name = "error_detail", updatable = false)
    private String errorDetail;

    // written by RunningJobs while the job runs, never through this entity
    @Column(table = "job_progress", name = "phase", insertable = false, updatable = false)
    private String progressPhase;

    @Column(table = "job_progress", name = "percent", insertable = false, updatable = false)
    private Integer progressPercent;

    @Column(table = "job_progress", name = "k", insertable = false, updatable = false)
    private Integer progressK;

    // written by CallbackDelivery after each POST, never through this entity
    @Column(name = "callback_status", insertable = false, updatable = false)
    private String callbackStatus;

    @Column(name = "callback_attempts", insertable = false, updatable = false)
    private int callbackAttempts;

    @Column(name = "callback_last_attempt_at", insertable = false, updatable = false)
    private Instant callbackLastAttemptAt;

    @Column(name = "callback_last_error", insertable = false, updatable = false)
    private String callbackLastError;

    protected SegmentationJob() {
    }

    SegmentationJob(UUID id, String tenantId, EffectiveRequest request, Instant createdAt, String traceParent) {
        this.id = id;
        this.tenantId = tenantId;
        this.datasetId = request.datasetId();
        this.k = request.k();
        this.kMin = request.kRange() == null ? null : request.kRange().min();
        this.kMax = request.kRange() == null ? null : request.kRange().max();
        this.kSelection = request.kSelection();
        this.features = request.features().toArray(String[]::new);
        this.scaling = request.scaling();
        this.logTransform = request.logTransform().toArray(String[]::new);
        this.missingValues = request.missingValues();
        this.maxIterations = request.maxIterations();
        this.tolerance = request.tolerance();
        this.callbackUrl = request.callbackUrl() == null ? null : request.callbackUrl().toString();
        this.seed = request.seed();
        this.refreshOf = request.refreshOf();
        this.restarts = request.restarts();
        this.stabilityResamples = request.stability() == null ? null : request.stability().resamples();
        this.minSegmentShare = request.minSegmentShare();
        this.status = JobStatus.QUEUED;
        this.createdAt = createdAt;
        this.traceParent = traceParent;
    }

    /** What other modules read of a SUCCEEDED job. */
    public SucceededJob succeeded() {
        return new SucceededJob(id, datasetId(), finishedAt, request().seed(), request().features());
    }

    public UUID id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    /** The W3C traceparent of the request that created the job, or null if it came in outside any trace. */
    public String traceParent() {
        return traceParent;
    }

    UUID datasetId() {
        return datasetId;
    }

    public JobStatus status() {
        return status;
    }

    public int attempt() {
        return attempt;
    }

    public EffectiveRequest request() {
        return new EffectiveRequest(datasetId, k, kMin == null ? null : new KRange(kMin, kMax), kSelection,
                List.of(features), scaling, List.of(logTransform), missingValues, seed, restarts, maxIterations, tolerance,
                callbackUrl == null ? null : URI.create(callbackUrl),
                stabilityResamples == null ? null : new StabilityOption(stabilityResamples), minSegmentShare, refreshOf);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    String errorTitle() {
        return errorTitle;
    }

    String errorDetail() {
        return errorDetail;
    }

    String progressPhase() {
        return progressPhase;
    }

    Integer progressPercent() {
        return progressPercent;
    }

    Integer progressK() {
        return progressK;
    }

    String callbackStatus() {
        return callbackStatus;
    }

    int callbackAttempts() {
        return callbackAttempts;
    }

    Instant callbackLastAttemptAt() {
        return callbackLastAttemptAt;
    }

    public String callbackLastError() {
        return callbackLastError;
    }
}
