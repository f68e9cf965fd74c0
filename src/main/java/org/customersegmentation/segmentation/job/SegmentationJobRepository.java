package org.customersegmentation.segmentation.job;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface SegmentationJobRepository extends JpaRepository<SegmentationJob, UUID> {

    Optional<SegmentationJob> findByIdAndTenantId(UUID id, String tenantId);

    /** The caller's jobs, newest first, of one status and dataset when those are given. */
    @Query("SELECT j FROM SegmentationJob j WHERE j.tenantId = :tenantId AND (:status IS NULL OR j.status = :status) "
            + "AND (:datasetId IS NULL OR j.datasetId = :datasetId) ORDER BY j.createdAt DESC")
    Page<SegmentationJob> list(String tenantId, JobStatus status, UUID datasetId, Pageable pageable);

    /** Which of these jobs are still RUNNING: not cancelled, nor deleted with their dataset. */
    @Query("SELECT j.id FROM SegmentationJob j WHERE j.id IN :ids AND j.status = 'RUNNING'")
    List<UUID> findRunningAmong(Collection<UUID> ids);

    long countByTenantIdAndStatus(String tenantId, JobStatus status);

    long countByStatus(JobStatus status);

    @Query("SELECT j.traceParent FROM SegmentationJob j WHERE j.id = :id")
    Optional<String> findTraceParent(UUID id);

    /**
     * Serializes creating and dispatching a tenant's jobs until the transaction ends, so that neither the queue's nor
     * the running jobs' limit can be raced past, on any instance.
     */
    @Query(value = "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext('segmentation-jobs:' || :tenantId))) locked",
            nativeQuery = true)
    int lockTenantQueue(String tenantId);

    /*
     * Every status change is one of these UPDATEs, made only from the statuses JobStatus allows before the new one
     * and checked by its row count: of a cancel and a success racing at a job's end, whichever commits second finds
     * the job no longer in a status it may change, and changes nothing. Each clears the persistence context, so
     * that the job read afterwards is the row as it now is.
     */

    /** A new attempt: the first of a queued job, or the next of one whose instance died running it. */
    default boolean start(UUID id, Instant now) {
        return markRunning(id, now, JobStatus.RUNNING.predecessorNames()) == 1;
    }

    /** Only the job's latest attempt may end it. */
    default boolean succeed(UUID id, int attempt, Instant now) {
        return markSucceeded(id, attempt, now, JobStatus.SUCCEEDED.predecessorNames()) == 1;
    }

    default boolean fail(UUID id, int attempt, String title, String detail, Instant now) {
        return markFailed(id, attempt, title, detail, now, JobStatus.FAILED.predecessorNames()) == 1;
    }

    default boolean cancel(UUID id, String tenantId, Instant now) {
        return markCancelled(id, tenantId, now, JobStatus.CANCELLED.predecessorNames()) == 1;
    }

    /** Removes a finished job with its results and assignments (ON DELETE CASCADE); never a queued or running one. */
    default boolean deleteFinished(UUID id, String tenantId) {
        return deleteIn(id, tenantId, JobStatus.finishedNames()) == 1;
    }

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = "UPDATE segmentation_job SET status = 'RUNNING', attempt = attempt + 1, started_at = :now "
            + "WHERE id = :id AND status IN (:from)", nativeQuery = true)
    int markRunning(UUID id, Instant now, Collection<String> from);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = "UPDATE segmentation_job SET status = 'SUCCEEDED', finished_at = :now "
            + "WHERE id = :id AND attempt = :attempt AND status IN (:from)", nativeQuery = true)
    int markSucceeded(UUID id, int attempt, Instant now, Collection<String> from);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = "UPDATE segmentation_job SET status = 'FAILED', error_title = :title, error_detail = :detail, "
            + "finished_at = :now WHERE id = :id AND attempt = :attempt AND status IN (:from)", nativeQuery = true)
    int markFailed(UUID id, int attempt, String title, String detail, Instant now, Collection<String> from);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = "UPDATE segmentation_job SET status = 'CANCELLED', finished_at = :now "
            + "WHERE id = :id AND tenant_id = :tenantId AND status IN (:from)", nativeQuery = true)
    int markCancelled(UUID id, String tenantId, Instant now, Collection<String> from);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = "DELETE FROM segmentation_job WHERE id = :id AND tenant_id = :tenantId AND status IN (:from)",
            nativeQuery = true)
    int deleteIn(UUID id, String tenantId, Collection<String> from);

    /** Removes the dataset's jobs; their results and assignments go with them (ON DELETE CASCADE). */
    @Modifying(flushAutomatically = true)
    @Query("DELETE FROM SegmentationJob j WHERE j.datasetId = :datasetId")
    int deleteByDatasetId(UUID datasetId);
}
