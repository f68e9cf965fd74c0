package org.customersegmentation.segmentation.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.customersegmentation.engine.Fitting;
import org.customersegmentation.engine.KSelectionMethod;
import org.customersegmentation.engine.Preprocessing;
import org.customersegmentation.engine.Stability;

/**
 * The parameters a job runs with, every default filled in, so that a run can be repeated exactly. Either
 * {@code k} is set, or {@code kRange} and {@code kSelection} are.
 *
 * @param callbackUrl     where the job is POSTed when it ends; null for none
 * @param stability       how many resamples score the segments' stability; null for none
 * @param minSegmentShare with a kRange, the smallest share a candidate's smallest segment may have; null for none
 * @param refreshOf       the earlier job this one refreshes; null when it is not a refresh
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EffectiveRequest(UUID datasetId, @Schema(nullable = true) Integer k, @Schema(nullable = true) KRange kRange,
                               @Schema(nullable = true) KSelectionMethod kSelection, List<String> features,
                        Preprocessing.Scaling scaling, List<String> logTransform, Preprocessing.Imputation missingValues,
                        long seed, int restarts, int maxIterations, double tolerance,
                               @Schema(nullable = true) URI callbackUrl,
                               @Schema(nullable = true) StabilityOption stability,
                               @Schema(nullable = true) Double minSegmentShare,
                               @Schema(nullable = true, description = "The earlier segmentation this one refreshes")
                               UUID refreshOf) {

    public Fitting fitting() {
        return new Fitting(restarts, maxIterations, tolerance);
    }

    /** What the engine measures of the segments' stability: {@link Stability#OFF} without the option. */
    public Stability stabilityCheck() {
        return stability == null ? Stability.OFF : stability.toEngine();
    }

    /** 0 when every candidate may be chosen. */
    public double minimumSegmentShare() {
        return minSegmentShare == null ? 0 : minSegmentShare;
    }

    public Preprocessing preprocessing() {
        return new Preprocessing(scaling, Set.copyOf(logTransform), missingValues);
    }
}
