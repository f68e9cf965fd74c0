package org.customersegmentation.segmentation.execution;

/** Published when jobs are handed to the scheduler; once that commits, it is nudged instead of waiting for its poll. */
record JobsDispatched(int count) {
}
