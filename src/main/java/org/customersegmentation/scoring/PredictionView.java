package org.customersegmentation.scoring;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where a new customer lands.
 *
 * @param customerId the record's value in the dataset's ID column, when it has one
 * @param key        the segment's key, stable across refreshes
 * @param name       what the segment is called: the name a person gave it, else its label
 * @param label      the segment's automatic name
 * @param distance   Euclidean distance to its segment's centre, in the clustering space
 * @param distances  the distance to every segment's centre, by segment number
 */
public record PredictionView(@Schema(nullable = true) String customerId, int segment,
                             @Schema(description = "The segment's key, stable across refreshes", example = "S1",
                                     pattern = "^S[1-9][0-9]*$")
                             String key,
                             @Schema(description = "What the segment is called: the name a person gave it, else its "
                                     + "label") String name,
                             @Schema(description = "The segment's automatic name") String label, double distance,
                             double[] distances) {
}
