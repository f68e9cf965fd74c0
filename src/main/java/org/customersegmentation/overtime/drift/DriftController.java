package org.customersegmentation.overtime.drift;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.customersegmentation.security.Tenant;
import org.customersegmentation.web.ProblemResponses;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Segmentations")
class DriftController {

    private final DriftCheck drift;

    DriftController(DriftCheck drift) {
        this.drift = drift;
    }

    @Operation(operationId = "getSegmentationDrift", summary = "Whether a newer snapshot has drifted from the training data",
            description = """
                    Compares the dataset the SUCCEEDED segmentation was trained on with a newer snapshot of the \
                    customers (datasetId, the caller's), synchronously. Per feature, the population stability index \
                    PSI = sum over bins of (new% - training%) * ln(new% / training%): a numeric feature over 10 bins \
                    at the training data's deciles of its present values, a categorical feature over its training \
                    values plus an UNSEEN bin; in both, missing values are a bin of their own. A share below 0.0001 \
                    (an empty bin) counts as 0.0001. The snapshot is also scored with the segmentation's model: each \
                    segment's share in training and now, the PSI of those shares, and the customers' mean distance to \
                    their segment's centre now over in training. The verdict is STABLE when every PSI is below 0.1, \
                    MONITOR when the largest is at least 0.1 and below 0.25, RESEGMENT when any is 0.25 or more; \
                    drivers names what drove it. 400 when the dataset lacks a feature of the segmentation or has it \
                    with another type; 404 for an unknown segmentation or dataset; 409 while the segmentation has \
                    not succeeded.""")
    @ProblemResponses({400, 404, 409})
    @GetMapping("/api/v1/segmentations/{id}/drift")
    DriftReport drift(@AuthenticationPrincipal Tenant tenant, @PathVariable UUID id,
                      @Parameter(description = "The newer snapshot: a dataset of the caller's with the segmentation's "
                              + "features") @RequestParam UUID datasetId) {
        return drift.check(tenant, id, datasetId);
    }
}
