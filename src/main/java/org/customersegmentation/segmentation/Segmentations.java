package org.customersegmentation.segmentation;

import java.util.UUID;
import org.customersegmentation.security.Tenant;
import org.customersegmentation.segmentation.job.JobService;
import org.springframework.stereotype.Service;

/** The segmentation module as other modules see it: which of a tenant's jobs have succeeded, and how they ran. */
@Service
public class Segmentations {

    private final JobService service;

    Segmentations(JobService service) {
        this.service = service;
    }

    /**
     * The tenant's SUCCEEDED job: {@code NotFoundException} when it is unknown or another tenant's,
     * {@code ConflictException} naming its status when it has not succeeded. Joins the caller's transaction.
     */
    public SucceededJob succeeded(Tenant tenant, UUID jobId) {
        return service.requireSucceeded(tenant, jobId).succeeded();
    }
}
