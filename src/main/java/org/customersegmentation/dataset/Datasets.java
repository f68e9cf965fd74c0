package org.customersegmentation.dataset;

import java.util.HashMap;
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
    private final RowTable rowTable;
    private final ProfileStore profiles;

    Datasets(DatasetRepository datasets, RowTable rowTable, ProfileStore profiles) {
        this.datasets = datasets;
        this.rowTable = rowTable;
        this.profiles = profiles;
    }

    /** The tenant's dataset, or 404 when it is unknown or another tenant's. */
    @Transactional(readOnly = true)
    public DatasetSchema schema(Tenant tenant, UUID datasetId) {
        Dataset dataset = datasets.findByIdAndTenantId(datasetId, tenant.id())
                .orElseThrow(() -> new NotFoundException("dataset", datasetId));
        Map<String, Double> minima = new HashMap<>();
        profiles.find(datasetId).ifPresent(profile -> profile.columns().stream()
                .filter(column -> column.numeric() != null)
                .forEach(column -> minima.put(column.name(), column.numeric().min())));
        Map<String, DatasetSchema.Column> columns = new LinkedHashMap<>();
        dataset.columns().forEach(column -> columns.put(column.name(),
                new DatasetSchema.Column(column.type(), column.missingCount(), minima.get(column.name()))));
        return new DatasetSchema(dataset.id(), dataset.rowCount(), dataset.idColumn(), columns);
    }

    /** The named NUMERIC columns of every customer, in upload order, NaN where a value is missing. */
    @Transactional(readOnly = true)
    public DatasetFeatures numericFeatures(UUID datasetId, List<String> features) {
        Dataset dataset = datasets.findById(datasetId).orElseThrow(() -> new NotFoundException("dataset", datasetId));
        List<DatasetColumn> columns = dataset.columns();
        List<Integer> positions = features.stream().map(feature -> {
            for (int position = 0; position < columns.size(); position++) {
                if (columns.get(position).name().equals(feature) && columns.get(position).type() == ColumnType.NUMERIC) {
                    return position;
                }
            }
            throw new IllegalArgumentException("Feature '" + feature + "' is not a numeric column of dataset " + datasetId);
        }).toList();
        String[] customerIds = new String[dataset.rowCount()];
        double[][] values = new double[dataset.rowCount()][positions.size()];
        rowTable.read(datasetId, dataset.rowLayout(), positions, (index, customerId, text) -> {
            customerIds[index] = customerId;
            for (int j = 0; j < text.length; j++) {
                values[index][j] = text[j] == null ? Double.NaN : Double.parseDouble(text[j]);
            }
        });
        return new DatasetFeatures(customerIds, new FeatureMatrix(features, values));
    }
}
