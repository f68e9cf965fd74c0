package org.customersegmentation.chart;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.customersegmentation.dataset.DatasetProfile;
import org.customersegmentation.dataset.Datasets;
import org.customersegmentation.result.SegmentationResult;
import org.customersegmentation.security.Tenant;
import org.customersegmentation.segmentation.Segmentations;
import org.customersegmentation.web.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Draws the charts of datasets and segmentations, for their endpoints and for the report page. A chart whose data
 * does not exist (no k was chosen, say) is a 409 saying so; the report leaves it out.
 */
@Service
public class Charts {

    /** At most this many customers are drawn in a scatter: enough to see the shapes, few enough to stay light. */
    private static final int SCATTER_POINTS = 5000;
    private static final Logger log = LoggerFactory.getLogger(Charts.class);

    private final Datasets datasets;
    private final Segmentations segmentations;
    // a finished job never changes, so its sample (which reads every customer) is kept for the next picture
    private final Map<UUID, Segmentations.ClusteredSample> samples = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, Segmentations.ClusteredSample> eldest) {
                    return size() > 8;
                }
            });

    Charts(Datasets datasets, Segmentations segmentations) {
        this.datasets = datasets;
        this.segmentations = segmentations;
    }

    Drawing dataset(Tenant tenant, UUID datasetId, DatasetChart chart, Integer width, Integer height) {
        return draw(chart, datasets.schema(tenant, datasetId).name(), datasets.profile(tenant, datasetId), width, height);
    }

    Drawing segmentation(Tenant tenant, UUID jobId, SegmentationChart chart, Integer width, Integer height) {
        return draw(chart, tenant, segmentations.finished(tenant, jobId).result(), width, height);
    }

    /** How a k-selection method (SILHOUETTE, ELBOW, ...) picks k, in words, as the k-selection chart says it. */
    public static String kSelectionRule(String method) {
        return SegmentationCharts.rule(method);
    }

    /** The chart of a dataset's profile as an {@code <svg>} element for an HTML page; empty when it cannot be drawn. */
    public Optional<String> inlineSvg(String datasetName, DatasetProfile profile, DatasetChart chart) {
        return inline(chart.path(), () -> draw(chart, datasetName, profile, null, null));
    }

    /** The chart of a tenant's finished segmentation as an {@code <svg>} element; empty when it cannot be drawn. */
    public Optional<String> inlineSvg(Tenant tenant, SegmentationResult result, SegmentationChart chart) {
        return inline(chart.path(), () -> draw(chart, tenant, result, null, null));
    }

    private static Drawing draw(DatasetChart chart, String name, DatasetProfile profile, Integer width, Integer height) {
        return switch (chart) {
            case HISTOGRAMS -> DatasetCharts.histograms(name, profile,
                    ChartSize.requested(width, height, DatasetCharts.histogramsSize(profile)));
            case CORRELATIONS -> DatasetCharts.correlations(name, profile,
                    ChartSize.requested(width, height, DatasetCharts.correlationsSize(profile)));
        };
    }

    private Drawing draw(SegmentationChart chart, Tenant tenant, SegmentationResult result, Integer width,
                         Integer height) {
        return switch (chart) {
            case K_SELECTION -> SegmentationCharts.kSelection(result,
                    ChartSize.requested(width, height, SegmentationCharts.NATURAL));
            case SCATTER -> SegmentationCharts.scatter(result, sample(tenant, result.jobId()),
                    ChartSize.requested(width, height, SegmentationCharts.scatterSize(result)));
            case PROFILES -> SegmentationCharts.profiles(result,
                    ChartSize.requested(width, height, SegmentationCharts.profilesSize(result)));
            case SIZES -> SegmentationCharts.sizes(result,
                    ChartSize.requested(width, height, SegmentationCharts.sizesSize(result)));
        };
    }

    /** A page is better with one chart missing than not at all: a chart that fails is left out (and logged). */
    private static Optional<String> inline(String name, Supplier<Drawing> drawing) {
        try {
            return Optional.of(drawing.get().svgElement());
        } catch (ConflictException e) {
            return Optional.empty(); // its data does not exist, e.g. no k selection for a fixed k
        } catch (RuntimeException e) {
            log.warn("Could not draw the {} chart; leaving it out", name, e);
            return Optional.empty();
        }
    }

    /** Loaded outside the cache's lock: one slow dataset must not hold up every other scatter. */
    private Segmentations.ClusteredSample sample(Tenant tenant, UUID jobId) {
        Segmentations.ClusteredSample sample = samples.get(jobId);
        if (sample == null) {
            sample = segmentations.sample(tenant, jobId, SCATTER_POINTS);
            samples.put(jobId, sample);
        }
        return sample;
    }
}
