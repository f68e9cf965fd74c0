package org.customersegmentation.segmentation;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;

record SegmentationRequest(
        @NotNull UUID datasetId,
        @Schema(description = "Number of segments, at least 2 and at most the number of customers (and "
                + SegmentationService.MAX_K + ")")
        @NotNull Integer k,
        @Schema(description = "Numeric columns to cluster on; default: every NUMERIC column")
        List<String> features,
        @Schema(description = "Makes the run reproducible; default: a random seed, recorded in the job")
        Long seed,
        @Schema(description = "k-means++ starts to try; the one with the lowest inertia wins. Default "
                + SegmentationService.DEFAULT_RESTARTS)
        @Min(1) @Max(100) Integer restarts) {
}
