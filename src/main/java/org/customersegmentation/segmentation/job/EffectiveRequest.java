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

/**
 * The parameters a job runs with, every default filled in, so that a run can be repeated exactly. Either
 * {@code k} is set, or {@code kRange} and {@code kSelection} are.
 *
 * @param callbackUrl where the job is POSTed when it ends; null for none
 * @param refreshOf   the earlier job this one refreshes; null when it is not a refresh
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EffectiveRequest(UUID datasetId, @Schema(nullable = true) Integer k, @Schema(nullable = true) KRange kRange,
                               @Schema(nullable = true) KSelectionMethod kSelection, List<String> features,
                        Preprocessing.Scaling scaling, List<String> logTransform, Preprocessing.Imputation missingValues,
                        long seed, int restarts, int maxIterations, double tolerance,
                               @Schema(nullable = true) URI callbackUrl,
                               @Schema(nullable = true, description = "The earlier segmentation this one refreshes")
                               UUID refreshOf) {

    public Fitting fitting() {
        return new Fitting(restarts, maxIterations, tolerance);
    }

    public Preprocessing preprocessing() {
        return new Preprocessing(scaling, Set.copyOf(logTransform), missingValues);
    }
}
