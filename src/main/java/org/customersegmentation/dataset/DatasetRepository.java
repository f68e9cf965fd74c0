package org.customersegmentation.dataset;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface DatasetRepository extends JpaRepository<Dataset, UUID> {

    Optional<Dataset> findByIdAndTenantId(UUID id, String tenantId);

    Page<Dataset> findByTenantIdOrderByCreatedAtDesc(String tenantId, Pageable pageable);
}
