package org.customersegmentation.segmentation.execution;

import java.util.UUID;

/** Published when a job is inserted; after the insert commits, the scheduler is nudged instead of waiting for its poll. */
public record JobQueued(UUID jobId) {
}
