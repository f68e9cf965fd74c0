package org.customersegmentation.result;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.customersegmentation.engine.SegmentModel;
import org.customersegmentation.engine.SegmentationOutcome;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The result module as other modules see it. */
@Service
public class SegmentationResults {

    private final ResultStore store;

    SegmentationResults(ResultStore store) {
        this.store = store;
    }

    /**
     * Joins the caller's transaction, so results land together with the job's final status or not at all;
     * whatever an earlier attempt of the job stored is replaced.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void save(UUID jobId, List<String> features, SegmentationOutcome outcome, String[] customerIds) {
        store.delete(jobId);
        store.insert(jobId, features, outcome, customerIds);
    }

    /** What places new customers in the job's segments; empty for results stored before it was recorded. */
    @Transactional(readOnly = true)
    public Optional<SegmentModel> model(UUID jobId) {
        return store.model(jobId);
    }

    @Transactional(readOnly = true)
    public SegmentationResult result(UUID jobId) {
        return store.find(jobId).orElseThrow(() -> new IllegalStateException("No results stored for job " + jobId));
    }

    /** The customers' assignments in dataset row order. */
    @Transactional(readOnly = true)
    public Page<Assignment> assignments(UUID jobId, Pageable pageable) {
        return new PageImpl<>(store.assignments(jobId, pageable.getOffset(), pageable.getPageSize()), pageable,
                store.countAssignments(jobId));
    }

    /** Row number (1-based, in the dataset) to segment, for those of the rows that were segmented. */
    @Transactional(readOnly = true)
    public Map<Integer, Integer> segmentsOfRows(UUID jobId, int[] rowNumbers) {
        return store.segmentsOfRows(jobId, rowNumbers);
    }
}
