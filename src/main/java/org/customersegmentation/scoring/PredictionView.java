package org.customersegmentation.scoring;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where a new customer lands.
 *
 * @param customerId the record's value in the dataset's ID column, when it has one
 * @param distance   Euclidean distance to its segment's centre, in the clustering space
 * @param distances  the distance to every segment's centre, by segment number
 */
public record PredictionView(@Schema(nullable = true) String customerId, int segment, String label, double distance, double[] distances) {
}
