package org.customersegmentation.dataset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.customersegmentation.engine.FeatureMatrix;
import org.customersegmentation.security.Tenant;
import org.customersegmentation.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The dataset module as other modules see it. */
@Service
public class Datasets {

    private final DatasetRepository datasets;
    private final DatasetRowStore rows;

    Datasets(DatasetRepository datasets, DatasetRowStore rows) {
        this.datasets = datasets;
        this.rows = rows;
    }

    /** The tenant's dataset, or 404 when it is unknown or another tenant's. */
    @Transactional(readOnly = true)
    public DatasetSchema schema(Tenant tenant, UUID datasetId) {
        Dataset dataset = datasets.findByIdAndTenantId(datasetId, tenant.id())
                .orElseThrow(() -> new NotFoundException("dataset", datasetId));
        Map<String, DatasetSchema.Column> columns = new LinkedHashMap<>();
        dataset.columns().forEach(column ->
                columns.put(column.name(), new DatasetSchema.Column(column.type(), column.missingCount())));
        return new DatasetSchema(dataset.id(), dataset.rowCount(), columns);
    }

    /** The named NUMERIC columns of every customer, in upload order. */
    @Transactional(readOnly = true)
    public FeatureMatrix numericFeatures(UUID datasetId, List<String> features) {
        Dataset dataset = datasets.findById(datasetId).orElseThrow(() -> new NotFoundException("dataset", datasetId));
        Map<String, DatasetColumn> byName = new LinkedHashMap<>();
        dataset.columns().forEach(column -> byName.put(column.name(), column));
        List<Integer> arrayIndexes = features.stream().map(feature -> {
            DatasetColumn column = byName.get(feature);
            if (column == null || column.type() != ColumnType.NUMERIC) {
                throw new IllegalArgumentException("Feature '" + feature + "' is not a numeric column of dataset " + datasetId);
            }
            return column.arrayIndex();
        }).toList();
        return new FeatureMatrix(features, rows.numericColumns(datasetId, arrayIndexes));
    }

    /** Customer IDs of the given 1-based row numbers. */
    @Transactional(readOnly = true)
    public Map<Integer, String> customerIds(UUID datasetId, int[] rowNumbers) {
        return rows.customerIds(datasetId, rowNumbers);
    }
}
