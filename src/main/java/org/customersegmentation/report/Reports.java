package org.customersegmentation.report;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.customersegmentation.chart.Charts;
import org.customersegmentation.chart.DatasetChart;
import org.customersegmentation.chart.SegmentationChart;
import org.customersegmentation.dataset.DatasetProfile;
import org.customersegmentation.dataset.DatasetSchema;
import org.customersegmentation.dataset.Datasets;
import org.customersegmentation.result.FinishedSegmentation;
import org.customersegmentation.result.Results;
import org.customersegmentation.result.SegmentationResult;
import org.customersegmentation.security.Tenant;
import org.springframework.stereotype.Service;

/** Gathers a finished segmentation, its dataset and their charts into what the report page shows. */
@Service
class Reports {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Results results;
    private final Datasets datasets;
    private final Charts charts;
    private final Clock clock;

    Reports(Results results, Datasets datasets, Charts charts, Clock clock) {
        this.results = results;
        this.datasets = datasets;
        this.charts = charts;
        this.clock = clock;
    }

    ReportView report(Tenant tenant, UUID jobId) {
        FinishedSegmentation finished = results.finished(tenant, jobId);
        SegmentationResult result = finished.result();
        DatasetSchema dataset = datasets.schema(tenant, finished.job().datasetId());
        DatasetProfile profile = datasets.profile(tenant, finished.job().datasetId());
        Map<String, String> pictures = new LinkedHashMap<>();
        for (DatasetChart chart : DatasetChart.values()) {
            charts.inlineSvg(dataset.name(), profile, chart).ifPresent(svg -> pictures.put(chart.path(), svg));
        }
        for (SegmentationChart chart : SegmentationChart.values()) {
            charts.inlineSvg(tenant, finished, chart).ifPresent(svg -> pictures.put(chart.path(), svg));
        }
        int segmented = result.segments().stream().mapToInt(SegmentationResult.Segment::size).sum();
        List<ReportView.Fact> facts = List.of(
                new ReportView.Fact("Dataset", dataset.name(), Numbers.count(dataset.rowCount()) + " customers, "
                        + dataset.columns().size() + " columns"),
                new ReportView.Fact("Segmented", Numbers.count(segmented) + " customers", result.droppedCustomers() == 0
                        ? "every customer" : Numbers.count(result.droppedCustomers()) + " left out for missing values"),
                new ReportView.Fact("Segments", Integer.toString(result.k()), result.kSelection() == null
                        ? "asked for" : "chosen from " + result.kSelection().candidates().size() + " candidates"),
                new ReportView.Fact("Features", String.join(", ", result.features()), "what the customers were compared on"),
                new ReportView.Fact("Finished", WHEN.format(finished.job().finishedAt()), "segmentation " + jobId
                        + ", seed " + finished.job().seed()));
        return new ReportView("Customer segments: " + dataset.name(),
                result.k() + " segments of " + Numbers.count(segmented) + " customers", facts,
                ReportTables.columns(dataset, profile), ReportTables.kSelectionSentence(result),
                ReportTables.CANDIDATE_HEADER, ReportTables.candidates(result), ReportTables.metrics(result),
                ReportTables.segments(result), ReportTables.preprocessing(result), pictures,
                WHEN.format(Instant.now(clock)));
    }
}
