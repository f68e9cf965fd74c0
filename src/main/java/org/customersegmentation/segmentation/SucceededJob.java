package org.customersegmentation.segmentation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A job that has SUCCEEDED, as the modules that read its result need it.
 *
 * @param features the features it clustered on, in request order
 * @param seed     the seed it ran with (the caller's or the one drawn for it)
 */
public record SucceededJob(UUID jobId, UUID datasetId, Instant finishedAt, long seed, List<String> features) {
}
