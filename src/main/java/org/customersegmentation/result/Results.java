package org.customersegmentation.result;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.customersegmentation.common.ConflictException;
import org.customersegmentation.common.InvalidInputException;
import org.customersegmentation.common.NotFoundException;
import org.customersegmentation.dataset.Datasets;
import org.customersegmentation.engine.SegmentationOutcome;
import org.customersegmentation.security.Tenant;
import org.customersegmentation.web.Download;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The result module as other modules see it. Every read first checks, in the same snapshot, that the job is the
 * tenant's and has succeeded, so a job deleted meanwhile is a 404 rather than a half-read result.
 */
@Service
public class Results implements JobOutcomeStore {

    private final ResultStore store;
    private final LineageStore lineages;
    private final AssignmentStore assignments;
    private final Segmentations segmentations;
    private final Datasets datasets;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    Results(ResultStore store, LineageStore lineages, AssignmentStore assignments, Segmentations segmentations, Datasets datasets,
            JsonMapper json, ApplicationEventPublisher events) {
        this.store = store;
        this.lineages = lineages;
        this.assignments = assignments;
        this.segmentations = segmentations;
        this.datasets = datasets;
        this.json = json;
        this.events = events;
    }

    /** Joins the job's last transaction (see {@link JobOutcomeStore}). */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void save(UUID jobId, List<String> features, UUID refreshOf, SegmentationOutcome outcome,
                     String[] customerIds) {
        store.delete(jobId);
        store.insert(jobId, features, outcome, customerIds, lineages.keys(refreshOf, outcome.model()));
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public FinishedSegmentation finished(Tenant tenant, UUID jobId) {
        SucceededJob job = segmentations.succeeded(tenant, jobId);
        ResultStore.Found found = store.find(jobId).orElseThrow(() -> gone(jobId));
        return new FinishedSegmentation(job, found.result().withLineage(lineages.lineage(jobId).orElse(null)),
                found.model().toModel());
    }

    /**
     * The customers' assignments in dataset row order.
     *
     * @param segments only the customers of these segments; all when null or empty
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Page<Assignment> assignments(Tenant tenant, UUID jobId, List<Integer> segments, Pageable pageable) {
        segmentations.succeeded(tenant, jobId);
        int[] only = checked(jobId, segments);
        return new PageImpl<>(assignments.page(jobId, only, pageable.getOffset(), pageable.getPageSize()), pageable,
                assignments.count(jobId, only));
    }

    /** One customer's assignment; 404 when the job's dataset has no customer with this ID. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Assignment assignment(Tenant tenant, UUID jobId, String customerId) {
        SucceededJob job = segmentations.succeeded(tenant, jobId);
        OptionalInt row = datasets.rowOf(job.datasetId(), customerId);
        Optional<Assignment> found = row.isPresent() ? assignments.find(jobId, row.getAsInt()) : Optional.empty();
        return found.orElseThrow(() -> new NotFoundException("customer", customerId));
    }

    /** The customers' mean distance to their segment's centre, in the clustering space. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public double meanDistance(Tenant tenant, UUID jobId) {
        segmentations.succeeded(tenant, jobId);
        return assignments.meanDistance(jobId);
    }

    /**
     * Streams every assignment (of {@code segments}, when given) as CSV in dataset row order. An IOException is
     * the target's: the transaction rolls back, and the COPY was cancelled.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ, rollbackFor = IOException.class)
    public void exportCsv(Tenant tenant, UUID jobId, List<Integer> segments, Download target) throws IOException {
        segmentations.succeeded(tenant, jobId);
        int[] only = checked(jobId, segments);
        try (OutputStream out = target.openBuffered()) {
            assignments.writeCsv(jobId, only, out);
        }
    }

    /** As {@link #exportCsv}, one JSON object per line: customerId, segment, key, name, distance. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ, rollbackFor = IOException.class)
    public void exportNdjson(Tenant tenant, UUID jobId, List<Integer> segments, Download target)
            throws IOException {
        segmentations.succeeded(tenant, jobId);
        int[] only = checked(jobId, segments);
        try (OutputStream out = target.openBuffered()) {
            assignments.forEach(jobId, only, assignment -> {
                out.write(json.writeValueAsBytes(AssignmentView.of(assignment)));
                out.write('\n');
            });
        }
    }

    /** The segments asked for, each checked to be one of the job's; null for all. */
    private int[] checked(UUID jobId, List<Integer> segments) {
        if (segments == null || segments.isEmpty()) {
            return null;
        }
        int k = assignments.segmentCount(jobId);
        for (Integer segment : segments) {
            if (segment == null || segment < 0 || segment >= k) {
                throw new InvalidInputException("Invalid request parameter", "segment " + (segment == null ? "is empty"
                        : segment + " is not a segment of this segmentation") + "; its segments are 0 to " + (k - 1)
                        + ".", Map.of("parameter", "segment"));
            }
        }
        return segments.stream().mapToInt(Integer::intValue).distinct().toArray();
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
