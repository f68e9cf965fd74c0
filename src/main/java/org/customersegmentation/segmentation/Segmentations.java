package org.customersegmentation.segmentation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.customersegmentation.dataset.Datasets;
import org.customersegmentation.engine.CategoricalColumn;
import org.customersegmentation.engine.ClusterQuality;
import org.customersegmentation.engine.FeatureMatrix;
import org.customersegmentation.engine.SegmentModel;
import org.customersegmentation.result.SegmentationResult;
import org.customersegmentation.result.SegmentationResults;
import org.customersegmentation.security.Tenant;
import org.customersegmentation.web.ConflictException;
import org.springframework.stereotype.Service;

/** The segmentation module as other modules (charts, the report) see it: finished jobs and their customers. */
@Service
public class Segmentations {

    private final SegmentationService service;
    private final SegmentationResults results;
    private final Datasets datasets;

    Segmentations(SegmentationService service, SegmentationResults results, Datasets datasets) {
        this.service = service;
        this.results = results;
        this.datasets = datasets;
    }

    /** A SUCCEEDED job of the tenant with its result; 404 when unknown, 409 when it has not succeeded. */
    public record Finished(UUID datasetId, Instant finishedAt, long seed, SegmentationResult result) {
    }

    /**
     * Customers of a finished job in its clustering space, with their segments.
     *
     * @param points    a seeded sample of the customers it segmented (the same every time), each in the clustering
     *                  space
     * @param segments  each sampled customer's segment
     * @param centroids each segment's centre in the clustering space, in segment order
     */
    public record ClusteredSample(double[][] points, int[] segments, double[][] centroids) {
    }

    public Finished finished(Tenant tenant, UUID jobId) {
        SegmentationJob job = service.requireSucceeded(tenant, jobId);
        return new Finished(job.datasetId(), job.finishedAt(), job.request().seed(), results.result(jobId));
    }

    /** At most {@code maxPoints} of the job's customers, drawn with the job's seed. */
    public ClusteredSample sample(Tenant tenant, UUID jobId, int maxPoints) {
        SegmentationJob job = service.requireSucceeded(tenant, jobId);
        SegmentModel model = results.model(jobId).orElseThrow(() -> new ConflictException("No model",
                "Segmentation " + jobId + " finished before the service kept its model; run it again to draw it.", Map.of()));
        FeatureMatrix matrix = datasets.features(job.datasetId(), job.request().features()).matrix();
        int[] rows = ClusterQuality.sampleRows(matrix.rowCount(), maxPoints, job.request().seed());
        Map<Integer, Integer> segmentOfRow = results.segmentsOfRows(jobId,
                Arrays.stream(rows).map(row -> row + 1).toArray());
        List<double[]> points = new ArrayList<>();
        List<Integer> segments = new ArrayList<>();
        for (int row : rows) {
            Integer segment = segmentOfRow.get(row + 1);
            if (segment != null) { // else dropped for a missing value
                points.add(model.toClusteringSpace(matrix.rows()[row], categories(matrix, row)));
                segments.add(segment);
            }
        }
        return new ClusteredSample(points.toArray(double[][]::new),
                segments.stream().mapToInt(Integer::intValue).toArray(), model.centroids());
    }

    private static String[] categories(FeatureMatrix matrix, int row) {
        return matrix.categoricals().stream()
                .map(column -> column.codes()[row] == CategoricalColumn.MISSING ? null
                        : column.values().get(column.codes()[row]))
                .toArray(String[]::new);
    }
}
