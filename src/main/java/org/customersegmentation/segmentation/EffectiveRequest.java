package org.customersegmentation.segmentation;

import java.util.List;
import java.util.UUID;

/** The parameters a job runs with, every default filled in, so that a run can be repeated exactly. */
record EffectiveRequest(UUID datasetId, int k, List<String> features, long seed, int restarts) {
}
