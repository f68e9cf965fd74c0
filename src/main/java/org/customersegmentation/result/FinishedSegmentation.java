package org.customersegmentation.result;

import org.customersegmentation.engine.SegmentModel;
import org.customersegmentation.segmentation.SucceededJob;

/**
 * A succeeded job with its result, read together.
 *
 * @param model what places new customers in the job's segments
 */
public record FinishedSegmentation(SucceededJob job, SegmentationResult result, SegmentModel model) {
}
