package org.customersegmentation.result;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.customersegmentation.common.ConflictException;
import org.customersegmentation.common.NotFoundException;
import org.customersegmentation.engine.SegmentationOutcome;
import org.customersegmentation.security.Tenant;
import org.customersegmentation.segmentation.JobOutcomeStore;
import org.customersegmentation.segmentation.Segmentations;
import org.customersegmentation.segmentation.SucceededJob;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The result module as other modules see it. Every read first checks, in the same snapshot, that the job is the
 * tenant's and has succeeded, so a job deleted meanwhile is a 404 rather than a half-read result.
 */
@Service
public class Results implements JobOutcomeStore {

    private final ResultStore store;
    private final Segmentations segmentations;
    private final ApplicationEventPublisher events;

    Results(ResultStore store, Segmentations segmentations, ApplicationEventPublisher events) {
        this.store = store;
        this.segmentations = segmentations;
        this.events = events;
    }

    /** Joins the job's last transaction (see {@link JobOutcomeStore}). */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void save(UUID jobId, List<String> features, SegmentationOutcome outcome, String[] customerIds) {
        store.delete(jobId);
        store.insert(jobId, features, outcome, customerIds);
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public FinishedSegmentation finished(Tenant tenant, UUID jobId) {
        SucceededJob job = segmentations.succeeded(tenant, jobId);
        ResultStore.Found found = store.find(jobId).orElseThrow(() -> gone(jobId));
        return new FinishedSegmentation(job, found.result(), found.model().toModel());
    }

    /** The customers' assignments in dataset row order. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Page<Assignment> assignments(Tenant tenant, UUID jobId, Pageable pageable) {
        segmentations.succeeded(tenant, jobId);
        return new PageImpl<>(store.assignments(jobId, pageable.getOffset(), pageable.getPageSize()), pageable,
                store.countAssignments(jobId));
    }

    /** Row number (1-based, in the dataset) to segment, for those of the rows that were segmented. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Map<Integer, Integer> segmentsOfRows(Tenant tenant, UUID jobId, int[] rowNumbers) {
        segmentations.succeeded(tenant, jobId);
        return store.segmentsOfRows(jobId, rowNumbers);
    }

    /**
     * Changes what a segment is called or says; a name another segment goes by (given or automatic, whatever
     * the case) is a conflict.
     */
    @Transactional
    SegmentationResult.Segment editSegment(Tenant tenant, UUID jobId, int segment, SegmentPatch patch) {
        segmentations.succeeded(tenant, jobId);
        List<ResultStore.Naming> namings = store.lockSegments(jobId);
        if (namings.stream().noneMatch(naming -> naming.segment() == segment)) {
            throw new NotFoundException("segment", segment + " in segmentation " + jobId);
        }
        if (patch.changes("name") && patch.name() != null) {
            namings.stream()
                    .filter(other -> other.segment() != segment && other.name().equalsIgnoreCase(patch.name()))
                    .findFirst().ifPresent(other -> {
                        throw new ConflictException("Segment name taken", "Segment " + other.segment()
                                + " is already called \"" + other.name() + "\"; segments of one segmentation need "
                                + "different names.", Map.of("parameter", "name", "segment", other.segment()));
                    });
        }
        store.update(jobId, segment, patch);
        events.publishEvent(new SegmentRenamed(jobId));
        return store.find(jobId).orElseThrow(() -> gone(jobId)).result().segments().get(segment);
    }

    /** Each segment's name (the given name, else its label), by segment number. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<String> segmentNames(Tenant tenant, UUID jobId) {
        segmentations.succeeded(tenant, jobId);
        return store.names(jobId);
    }

    /**
     * The job succeeded but has no result: both are read in one snapshot, and a result is stored in the transaction
     * that marks its job SUCCEEDED, so this guards a broken invariant rather than a race.
     */
    private static NotFoundException gone(UUID jobId) {
        return new NotFoundException("segmentation", jobId);
    }
}
