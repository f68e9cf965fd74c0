package org.customersegmentation.dataset.ingest;

import org.customersegmentation.limits.TenantLimits;
import org.customersegmentation.postgres.PoolSizes;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with upload limits that cannot work. Each streaming upload holds a connection of the request
 * pool until it is stored, so the uploads of all tenants together must leave connections for every other request
 * (with as many uploads as connections, reads waited for a connection until they failed); and a tenant's own limit
 * is meant to sit below the instance's.
 */
@Component
class UploadCapacity implements InitializingBean {

    private final UploadProperties uploads;
    private final TenantLimits limits;
    private final PoolSizes pools;

    UploadCapacity(UploadProperties uploads, TenantLimits limits, PoolSizes pools) {
        this.uploads = uploads;
        this.limits = limits;
        this.pools = pools;
    }

    @Override
    public void afterPropertiesSet() {
        if (uploads.maxConcurrent() >= pools.requests()) {
            throw new IllegalStateException("segmentation.upload.max-concurrent (" + uploads.maxConcurrent() + ") must be "
                    + "below the request pool's size, spring.datasource.hikari.maximum-pool-size (" + pools.requests()
                    + "): each upload holds a connection while it streams, and other requests need the rest. Lower "
                    + "the one or raise the other.");
        }
        if (limits.mostConcurrentUploads() > uploads.maxConcurrent()) {
            throw new IllegalStateException("segmentation.limits lets a tenant stream " + limits.mostConcurrentUploads()
                    + " uploads at once (concurrent-uploads), more than segmentation.upload.max-concurrent ("
                    + uploads.maxConcurrent() + ") allows all tenants together. Lower the one or raise the other.");
        }
    }
}
