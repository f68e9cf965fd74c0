package org.customersegmentation.segmentation.job;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** The numbers of segments to try, both ends included. */
public record KRange(@Schema(description = "Smallest k to try, at least 2", example = "2", minimum = "2",
                             maximum = RequestChecks.MAX_K_TEXT) @NotNull Integer min,
                     @Schema(description = "Largest k to try, at most the number of customers (and "
                             + RequestChecks.MAX_K + ")", example = "10", minimum = "2",
                             maximum = RequestChecks.MAX_K_TEXT) @NotNull Integer max) {
}
