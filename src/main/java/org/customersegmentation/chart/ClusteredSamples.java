package org.customersegmentation.chart;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.customersegmentation.dataset.CustomerFeatures;
import org.customersegmentation.dataset.DatasetDeleted;
import org.customersegmentation.dataset.Datasets;
import org.customersegmentation.engine.ClusterQuality;
import org.customersegmentation.engine.SegmentModel;
import org.customersegmentation.result.FinishedSegmentation;
import org.customersegmentation.result.Results;
import org.customersegmentation.security.Tenant;
import org.customersegmentation.segmentation.SegmentationDeleted;
import org.customersegmentation.segmentation.SucceededJob;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Seeded samples of a finished job's customers in its clustering space, for the scatter chart. Drawing one reads
 * every customer, and a finished job never changes, so a few are kept: per tenant, and let go as soon as the
 * deletion of the job or its dataset commits.
 */
@Component
class ClusteredSamples {

    /**
     * @param points    a seeded sample of the customers it segmented (the same every time), each in the clustering
     *                  space
     * @param segments  each sampled customer's segment
     * @param centroids each segment's centre in the clustering space, in segment order
     */
    record ClusteredSample(UUID datasetId, double[][] points, int[] segments, double[][] centroids) {
    }

    private record Key(Tenant tenant, UUID jobId) {
    }

    private final Datasets datasets;
    private final Results results;
    private final Cache<Key, ClusteredSample> samples = Caffeine.newBuilder().maximumSize(8).build();

    ClusteredSamples(Datasets datasets, Results results) {
        this.datasets = datasets;
        this.results = results;
    }

    /** At most {@code maxPoints} of the job's customers, drawn with the job's seed. */
    ClusteredSample sample(Tenant tenant, FinishedSegmentation finished, int maxPoints) {
        SucceededJob job = finished.job();
        // not Cache.get(key, loader), which loads inside the map's lock on the key's bin: a slow dataset would hold
        // up other scatters
        Key key = new Key(tenant, job.jobId());
        ClusteredSample sample = samples.getIfPresent(key);
        if (sample == null) {
            sample = draw(tenant, job, finished.model(), maxPoints);
            samples.put(key, sample);
        }
        return sample;
    }

    private ClusteredSample draw(Tenant tenant, SucceededJob job, SegmentModel model, int maxPoints) {
        CustomerFeatures features = datasets.features(job.datasetId(), job.features());
        int[] rows = ClusterQuality.sampleRows(features.rowCount(), maxPoints, job.seed());
        Map<Integer, Integer> segmentOfRow = results.segmentsOfRows(tenant, job.jobId(),
                Arrays.stream(rows).map(row -> row + 1).toArray());
        List<double[]> points = new ArrayList<>();
        List<Integer> segments = new ArrayList<>();
        for (int row : rows) {
            Integer segment = segmentOfRow.get(row + 1);
            if (segment != null) { // else dropped for a missing value
                points.add(model.toClusteringSpace(features.values()[row], features.categoriesOf(row)));
                segments.add(segment);
            }
        }
        return new ClusteredSample(job.datasetId(), points.toArray(double[][]::new),
                segments.stream().mapToInt(Integer::intValue).toArray(), model.centroids());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SegmentationDeleted event) {
        samples.asMap().keySet().removeIf(key -> key.jobId().equals(event.jobId()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DatasetDeleted event) {
        samples.asMap().values().removeIf(sample -> sample.datasetId().equals(event.datasetId()));
    }
}
