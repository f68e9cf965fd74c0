package org.customersegmentation.segmentation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.customersegmentation.engine.KSelection;

/**
 * The parameters a job runs with, every default filled in, so that a run can be repeated exactly. Either
 * {@code k} is set, or {@code kRange} and {@code kSelection} are.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EffectiveRequest(UUID datasetId, Integer k, KRange kRange, KSelection kSelection, List<String> features,
                        long seed, int restarts) {
}
