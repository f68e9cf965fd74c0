package org.customersegmentation.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.customersegmentation.common.InvalidInputException;
import org.customersegmentation.dataset.CellValues;
import org.customersegmentation.dataset.Datasets;
import org.customersegmentation.engine.EngineException;
import org.customersegmentation.engine.SegmentModel;
import org.customersegmentation.result.FinishedSegmentation;
import org.customersegmentation.result.Results;
import org.customersegmentation.result.SegmentationResult;
import org.customersegmentation.security.Tenant;
import org.springframework.stereotype.Service;

/** Places new customers in a finished segmentation, with the preprocessing exactly as it was fitted. */
@Service
public class SegmentScoring {

    static final int MAX_RECORDS = 10_000;
    private static final String TITLE = "Invalid customers to score";

    private final Results results;
    private final Datasets datasets;
    private final ModelCache cache;

    SegmentScoring(Results results, Datasets datasets, ModelCache cache) {
        this.results = results;
        this.datasets = datasets;
        this.cache = cache;
    }

    List<PredictionView> predict(Tenant tenant, UUID jobId, List<Map<String, Object>> records) {
        if (records.size() > MAX_RECORDS) {
            throw new InvalidInputException(TITLE, "Send at most " + MAX_RECORDS + " customers per call, not "
                    + records.size() + ".");
        }
        ModelCache.Scorer entry = cache.get(tenant, jobId, id -> load(tenant, id),
                id -> results.segmentNames(tenant, id));
        List<PredictionView> predictions = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            predictions.add(place(entry, records.get(i), i + 1)); // customers count from 1, as upload lines do
        }
        return predictions;
    }

    private ModelCache.Scorer load(Tenant tenant, UUID jobId) {
        FinishedSegmentation finished = results.finished(tenant, jobId);
        UUID datasetId = finished.job().datasetId();
        List<SegmentationResult.Segment> segments = finished.result().segments();
        return new ModelCache.Scorer(datasetId, finished.model(), datasets.schema(tenant, datasetId).idColumn(),
                segments.stream().map(SegmentationResult.Segment::key).toList(),
                segments.stream().map(SegmentationResult.Segment::label).toList(),
                segments.stream().map(SegmentationResult.Segment::name).toList());
    }

    /**
     * A feature the customer does not have is missing, as a null is: clients that leave nulls out mean the same.
     *
     * @param index the customer's place in the request, from 1
     */
    private static PredictionView place(ModelCache.Scorer entry, Map<String, Object> record, int index) {
        if (record == null) {
            throw invalid("Customer " + index + " is null; send an object with the segmentation's features as keys.",
                    index, null);
        }
        SegmentModel model = entry.model();
        double[] raw = new double[model.features().size()];
        for (int j = 0; j < raw.length; j++) {
            String feature = model.features().get(j);
            raw[j] = number(record.get(feature), index, feature);
        }
        String[] categories = new String[model.oneHot().size()];
        for (int c = 0; c < categories.length; c++) {
            String feature = model.oneHot().get(c).feature();
            categories[c] = category(record.get(feature), index, feature);
        }
        SegmentModel.Placement placement;
        try {
            placement = model.place(raw, categories);
        } catch (EngineException e) {
            throw invalid("Customer " + index + ": " + e.getMessage(), index, null);
        }
        Object id = entry.idColumn() == null ? null : record.get(entry.idColumn());
        return new PredictionView(id == null ? null : String.valueOf(id), placement.segment(),
                entry.keys().get(placement.segment()), entry.names().get(placement.segment()), entry.labels().get(placement.segment()),
                placement.distances()[placement.segment()], placement.distances());
    }

    /** A category as uploads read it; a number stands for its decimal text, as in a CSV. */
    private static String category(Object value, int index, String feature) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value == null ? null : CellValues.category(String.valueOf(value));
        }
        throw invalid("Customer " + index + " has a value for '" + feature + "' that is neither text nor a number.",
                index, feature);
    }

    private static double number(Object value, int index, String feature) {
        if (value == null) {
            return Double.NaN;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof String text) {
            try {
                return CellValues.number(text);
            } catch (IllegalArgumentException e) {
                // the value is the caller's own; it is not repeated back
            }
        }
        throw invalid("Customer " + index + " has a value for '" + feature + "' that is not a number.", index, feature);
    }

    private static InvalidInputException invalid(String detail, int index, String feature) {
        return feature == null ? new InvalidInputException(TITLE, detail, Map.of("customer", index))
                : new InvalidInputException(TITLE, detail, Map.of("customer", index, "feature", feature));
    }
}
