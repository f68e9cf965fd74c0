package org.customersegmentation.result;

import java.util.UUID;

/** A person changed what a segmentation's segments are called; whoever keeps their names must read them again. */
public record SegmentRenamed(UUID jobId) {
}
