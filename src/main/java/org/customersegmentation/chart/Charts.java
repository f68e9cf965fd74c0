package org.customersegmentation.chart;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.customersegmentation.common.ConflictException;
import org.customersegmentation.dataset.DatasetProfile;
import org.customersegmentation.dataset.Datasets;
import org.customersegmentation.overtime.drift.DriftCheck;
import org.customersegmentation.overtime.drift.DriftReport;
import org.customersegmentation.result.FinishedSegmentation;
import org.customersegmentation.result.Results;
import org.customersegmentation.result.SegmentationResult;
import org.customersegmentation.security.Tenant;
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
    private final Results results;
    private final ClusteredSamples samples;
    private final DriftCheck drift;

    Charts(Datasets datasets, Results results, ClusteredSamples samples, DriftCheck drift) {
        this.datasets = datasets;
        this.results = results;
        this.samples = samples;
        this.drift = drift;
    }

    Drawing dataset(Tenant tenant, UUID datasetId, DatasetChart chart, Integer width, Integer height) {
        return draw(chart, datasets.schema(tenant, datasetId).name(), datasets.profile(tenant, datasetId), width, height);
    }

    Drawing segmentation(Tenant tenant, UUID jobId, SegmentationChart chart, Integer width, Integer height) {
        return draw(chart, tenant, results.finished(tenant, jobId), width, height);
    }

    /** PSI per feature of a newer snapshot against the segmentation's training data. */
    Drawing drift(Tenant tenant, UUID jobId, UUID datasetId, Integer width, Integer height) {
        DriftReport report = drift.check(tenant, jobId, datasetId);
        return DriftChart.draw(report, ChartSize.requested(width, height, DriftChart.naturalSize(report)));
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
    public Optional<String> inlineSvg(Tenant tenant, FinishedSegmentation finished, SegmentationChart chart) {
        return inline(chart.path(), () -> draw(chart, tenant, finished, null, null));
    }

    private static Drawing draw(DatasetChart chart, String name, DatasetProfile profile, Integer width, Integer height) {
        return switch (chart) {
            case HISTOGRAMS -> DatasetCharts.histograms(name, profile,
                    ChartSize.requested(width, height, DatasetCharts.histogramsSize(profile)));
            case CORRELATIONS -> DatasetCharts.correlations(name, profile,
                    ChartSize.requested(width, height, DatasetCharts.correlationsSize(profile)));
        };
    }

    private Drawing draw(SegmentationChart chart, Tenant tenant, FinishedSegmentation finished, Integer width,
                         Integer height) {
        SegmentationResult result = finished.result();
        return switch (chart) {
            case K_SELECTION -> SegmentationCharts.kSelection(result,
                    ChartSize.requested(width, height, SegmentationCharts.NATURAL));
            case SCATTER -> SegmentationCharts.scatter(result, samples.sample(tenant, finished, SCATTER_POINTS),
                    ChartSize.requested(width, height, SegmentationCharts.scatterSize(result)));
            case PROFILES -> SegmentationCharts.profiles(result,
                    ChartSize.requested(width, height, SegmentationCharts.profilesSize(result)));
            case SIZES -> SegmentationCharts.sizes(result,
                    ChartSize.requested(width, height, SegmentationCharts.sizesSize(result)));
            case BOXPLOTS -> BoxPlots.draw(result, ChartSize.requested(width, height, BoxPlots.naturalSize(result)));
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
}
