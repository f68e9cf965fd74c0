package org.customersegmentation.segmentation.job;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
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

    /** Serializes job creation per tenant until the transaction ends, so that a limit cannot be raced past. */
    @Query(value = "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext('segmentation-jobs:' || :tenantId))) locked",
            nativeQuery = true)
    int lockTenantQueue(String tenantId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT j FROM SegmentationJob j WHERE j.id = :id")
    Optional<SegmentationJob> lockById(UUID id);

    /** Removes the dataset's jobs; their results and assignments go with them (ON DELETE CASCADE). */
    @Modifying(flushAutomatically = true)
    @Query("DELETE FROM SegmentationJob j WHERE j.datasetId = :datasetId")
    int deleteByDatasetId(UUID datasetId);
}
