package org.customersegmentation.dataset.storage;

import java.util.Optional;
import java.util.UUID;
import org.customersegmentation.common.NotFoundException;
import org.customersegmentation.security.Tenant;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DatasetRepository extends JpaRepository<Dataset, UUID> {

    Optional<Dataset> findByIdAndTenantId(UUID id, String tenantId);

    /** The tenant's dataset; unknown and another tenant's are the same 404, so IDs of other tenants leak nothing. */
    default Dataset require(Tenant tenant, UUID id) {
        return findByIdAndTenantId(id, tenant.id()).orElseThrow(() -> new NotFoundException("dataset", id));
    }

    /** A dataset a job was checked against; it is gone only when it was deleted meanwhile. */
    default Dataset require(UUID id) {
        return findById(id).orElseThrow(() -> new NotFoundException("dataset", id));
    }

    Page<Dataset> findByTenantIdOrderByCreatedAtDesc(String tenantId, Pageable pageable);
}
