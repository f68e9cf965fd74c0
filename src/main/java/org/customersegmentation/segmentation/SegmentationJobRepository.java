package org.customersegmentation.segmentation;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SegmentationJobRepository extends JpaRepository<SegmentationJob, UUID> {

    Optional<SegmentationJob> findByIdAndTenantId(UUID id, String tenantId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT j FROM SegmentationJob j WHERE j.id = :id")
    Optional<SegmentationJob> lockById(UUID id);

    /** Removes the dataset's jobs; their results and assignments go with them (ON DELETE CASCADE). */
    @Modifying(flushAutomatically = true)
    @Query("DELETE FROM SegmentationJob j WHERE j.datasetId = :datasetId")
    int deleteByDatasetId(UUID datasetId);
}
