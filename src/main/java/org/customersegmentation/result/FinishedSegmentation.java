package org.customersegmentation.result;

import org.customersegmentation.segmentation.SucceededJob;

/** A succeeded job with its result, read together. */
public record FinishedSegmentation(SucceededJob job, SegmentationResult result) {
}
