package org.customersegmentation.segmentation;

import java.util.List;
import java.util.UUID;
import org.customersegmentation.engine.SegmentationOutcome;

/**
 * Where a job's outcome is kept. The result module provides it; the job's last transaction calls it, so the
 * outcome lands together with the SUCCEEDED status or not at all.
 */
public interface JobOutcomeStore {

    /**
     * Stores the outcome, replacing whatever an earlier attempt of the job stored.
     *
     * @param features    all features of the request, in request order
     * @param refreshOf   the earlier job whose segments this one's continue; null when it is not a refresh
     * @param customerIds every customer's ID, in the dataset's row order
     */
    void save(UUID jobId, List<String> features, UUID refreshOf, SegmentationOutcome outcome, String[] customerIds);
}
