package org.customersegmentation.overtime.drift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.customersegmentation.common.InvalidInputException;
import org.customersegmentation.dataset.ColumnType;
import org.customersegmentation.dataset.CustomerFeatures;
import org.customersegmentation.dataset.DatasetSchema;
import org.customersegmentation.dataset.Datasets;
import org.customersegmentation.result.FinishedSegmentation;
import org.customersegmentation.result.Results;
import org.customersegmentation.result.SegmentationResult;
import org.customersegmentation.security.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compares the dataset a segmentation was trained on with a newer snapshot of the customers, synchronously: both
 * datasets are read column-wise into arrays, binned, and the snapshot placed in the segments, in one snapshot of
 * the database.
 */
@Service
public class DriftCheck {

    private static final Logger log = LoggerFactory.getLogger(DriftCheck.class);

    private final Results results;
    private final Datasets datasets;

    DriftCheck(Results results, Datasets datasets) {
        this.results = results;
        this.datasets = datasets;
    }

    /**
     * 404 when the segmentation or the dataset is unknown or another tenant's, 409 when the segmentation has not
     * succeeded, 400 when the dataset lacks a feature or has it with another type.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public DriftReport check(Tenant tenant, UUID jobId, UUID datasetId) {
        FinishedSegmentation finished = results.finished(tenant, jobId);
        UUID trainingId = finished.job().datasetId();
        List<String> features = finished.job().features();
        DatasetSchema training = datasets.schema(tenant, trainingId);
        DatasetSchema snapshot = datasets.schema(tenant, datasetId);
        requireFeatures(features, training, snapshot);

        // the training columns are binned and let go before the snapshot's are read: one dataset in memory at a time
        long start = System.nanoTime();
        TrainingBins bins = new TrainingBins(features, datasets.features(trainingId, features));
        long binned = System.nanoTime();
        CustomerFeatures customers = datasets.features(datasetId, features);
        long read = System.nanoTime();
        List<DriftReport.FeatureDrift> featureDrifts = bins.against(customers);
        SnapshotPlacement placement = SnapshotPlacement.of(finished.model(), customers);
        long placed = System.nanoTime();
        DriftReport.SegmentDrift segments = segments(finished.result(), placement, results.meanDistance(tenant, jobId));
        log.debug("Drift of job {} against dataset {}: training read and binned in {} ms, snapshot read in {} ms, "
                + "binned and placed in {} ms, training distances averaged in {} ms", jobId, datasetId,
                (binned - start) / 1_000_000, (read - binned) / 1_000_000, (placed - read) / 1_000_000,
                (System.nanoTime() - placed) / 1_000_000);

        List<DriftReport.Driver> all = new ArrayList<>();
        featureDrifts.forEach(drift -> all.add(new DriftReport.Driver(DriftReport.DriverKind.FEATURE, drift.feature(),
                drift.psi())));
        all.add(new DriftReport.Driver(DriftReport.DriverKind.SEGMENT_SHARES, null, segments.psi()));
        DriftReport.Verdict verdict = Psi.verdict(all.stream().mapToDouble(DriftReport.Driver::psi).max().orElse(0));
        List<DriftReport.Driver> drivers = verdict == DriftReport.Verdict.STABLE ? List.of() : all.stream()
                .filter(driver -> Psi.verdict(driver.psi()) == verdict)
                .sorted(Comparator.comparingDouble(DriftReport.Driver::psi).reversed())
                .toList();
        return new DriftReport(jobId, trainingId, datasetId, training.rowCount(), snapshot.rowCount(), verdict, drivers,
                featureDrifts, segments);
    }

    private static DriftReport.SegmentDrift segments(SegmentationResult result, SnapshotPlacement placement,
                                                     double trainingMeanDistance) {
        List<SegmentationResult.Segment> segments = result.segments();
        long[] trainingSizes = segments.stream().mapToLong(SegmentationResult.Segment::size).toArray();
        double[] before = Psi.shares(trainingSizes);
        double[] after = Psi.shares(placement.counts());
        List<DriftReport.SegmentShare> shares = new ArrayList<>();
        for (int s = 0; s < segments.size(); s++) {
            SegmentationResult.Segment segment = segments.get(s);
            shares.add(new DriftReport.SegmentShare(segment.segment(), segment.key(), segment.name(), before[s], after[s]));
        }
        double psi = Psi.of(before, after);
        return new DriftReport.SegmentDrift(psi, Psi.verdict(psi), trainingMeanDistance, placement.meanDistance(),
                trainingMeanDistance > 0 ? placement.meanDistance() / trainingMeanDistance : null, shares);
    }

    /** The snapshot must have every feature, with the type it had in training. */
    private static void requireFeatures(List<String> features, DatasetSchema training, DatasetSchema snapshot) {
        List<String> missing = new ArrayList<>();
        List<String> retyped = new ArrayList<>();
        for (String feature : features) {
            ColumnType trained = training.columns().get(feature).type();
            DatasetSchema.Column column = snapshot.columns().get(feature);
            if (column == null) {
                missing.add(feature);
            } else if (column.type() != trained) {
                retyped.add("'" + feature + "' is " + column.type() + " there but was " + trained + " in training");
            }
        }
        if (missing.isEmpty() && retyped.isEmpty()) {
            return;
        }
        List<String> faults = new ArrayList<>();
        if (!missing.isEmpty()) {
            faults.add("it has no column " + String.join(", ", missing.stream().map(f -> "'" + f + "'").toList()));
        }
        faults.addAll(retyped);
        String first = missing.isEmpty() ? features.stream()
                .filter(f -> snapshot.columns().get(f).type() != training.columns().get(f).type()).findFirst()
                .orElseThrow() : missing.getFirst();
        throw new InvalidInputException("Dataset lacks the segmentation's features", "Dataset " + snapshot.id()
                + " cannot be compared with the data the segmentation was trained on: " + String.join("; ", faults)
                + ". Upload a snapshot with the segmentation's features (" + String.join(", ", features)
                + "), each of the same type.", Map.of("parameter", "datasetId", "feature", first));
    }
}
