package org.customersegmentation.segmentation.job;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.customersegmentation.engine.Stability;

/** How many resamples measure the segments' stability. */
@Schema(description = "Measure how much to trust each segment (Hennig's clusterboot): once k is chosen and the "
        + "segments fitted, the customers are resampled this many times (bootstrap samples, drawn with replacement, "
        + "for up to " + "100,000 customers; half-size subsamples without replacement above), seeded from the job's "
        + "seed, and each resample is clustered again with the chosen k (with at most " + Stability.RESAMPLE_RESTARTS
        + " k-means++ starts). Each segment's stability is the mean of its best Jaccard similarity with a resample's "
        + "segment, counted over the distinct customers in the resample")
public record StabilityOption(
        @Schema(description = "Resamples to recluster, " + Stability.MIN_RESAMPLES + " to " + Stability.MAX_RESAMPLES
                + "; each costs about as much as fitting the chosen k with " + Stability.RESAMPLE_RESTARTS
                + " restarts", example = "20", minimum = "2", maximum = "100")
        @NotNull @Min(Stability.MIN_RESAMPLES) @Max(Stability.MAX_RESAMPLES) Integer resamples) {

    Stability toEngine() {
        return new Stability(resamples);
    }
}
