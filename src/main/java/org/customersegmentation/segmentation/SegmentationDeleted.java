package org.customersegmentation.segmentation;

import java.util.UUID;

/** Published inside the transaction that deletes a finished job, so that what was derived from it is let go. */
public record SegmentationDeleted(UUID jobId) {
}
