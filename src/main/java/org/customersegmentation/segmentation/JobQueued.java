package org.customersegmentation.segmentation;

import java.util.UUID;

/** Published when a job is inserted; after the insert commits, the scheduler is nudged instead of waiting for its poll. */
record JobQueued(UUID jobId) {
}
