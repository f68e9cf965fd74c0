package org.customersegmentation.dataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Stream;
import org.customersegmentation.dataset.profile.ProfileStore;
import org.customersegmentation.dataset.storage.Dataset;
import org.customersegmentation.dataset.storage.DatasetColumn;
import org.customersegmentation.dataset.storage.DatasetRepository;
import org.customersegmentation.dataset.storage.DatasetService;
import org.customersegmentation.dataset.storage.RowTable;
import org.customersegmentation.security.Tenant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The dataset module as other modules see it. */
@Service
public class Datasets {

    private final DatasetRepository datasets;
    private final RowTable rowTable;
    private final ProfileStore profiles;
    private final DatasetService service;

    Datasets(DatasetRepository datasets, RowTable rowTable, ProfileStore profiles, DatasetService service) {
        this.datasets = datasets;
        this.rowTable = rowTable;
        this.profiles = profiles;
        this.service = service;
    }

    /** Deletes the tenant's dataset with everything derived from it, as the API's DELETE does. */
    public void delete(Tenant tenant, UUID datasetId) {
        service.delete(tenant, datasetId);
    }

    /** The tenant's dataset, or 404 when it is unknown or another tenant's. */
    @Transactional(readOnly = true)
    public DatasetSchema schema(Tenant tenant, UUID datasetId) {
        Dataset dataset = datasets.require(tenant, datasetId);
        Map<String, Double> minima = new HashMap<>();
        requireProfile(datasetId).columns().stream()
                .filter(column -> column.numeric() != null)
                .forEach(column -> minima.put(column.name(), column.numeric().min()));
        Map<String, DatasetSchema.Column> columns = new LinkedHashMap<>();
        dataset.columns().forEach(column -> columns.put(column.name(),
                new DatasetSchema.Column(column.type(), column.missingCount(), minima.get(column.name()),
                        column.distinctCount())));
        return new DatasetSchema(dataset.id(), dataset.name(), dataset.rowCount(), dataset.idColumn(), columns);
    }

    /**
     * The 1-based row of the customer with this ID, found through the row table's unique index on the IDs; empty
     * when no customer has it. A dataset uploaded without an ID column calls its customers by their row numbers.
     */
    @Transactional(readOnly = true)
    public OptionalInt rowOf(UUID datasetId, String customerId) {
        Dataset dataset = datasets.require(datasetId);
        if (dataset.idColumn() != null) {
            return rowTable.rowOf(datasetId, customerId);
        }
        try {
            int row = Integer.parseInt(customerId);
            return row >= 1 && row <= dataset.rowCount() && Integer.toString(row).equals(customerId)
                    ? OptionalInt.of(row) : OptionalInt.empty();
        } catch (NumberFormatException notARowNumber) {
            return OptionalInt.empty();
        }
    }

    /** The dataset's profile: 404 when it is unknown or another tenant's. */
    @Transactional(readOnly = true)
    public DatasetProfile profile(Tenant tenant, UUID datasetId) {
        datasets.require(tenant, datasetId);
        return requireProfile(datasetId);
    }

    /**
     * The named NUMERIC and CATEGORICAL columns of every customer, in upload order: numbers (NaN where missing) in
     * the order named, then categories in the order named.
     */
    @Transactional(readOnly = true)
    public CustomerFeatures features(UUID datasetId, List<String> features) {
        Dataset dataset = datasets.require(datasetId);
        List<String> numeric = features.stream()
                .filter(feature -> dataset.columns().get(position(dataset, feature)).type() == ColumnType.NUMERIC)
                .toList();
        List<String> categorical = features.stream().filter(feature -> !numeric.contains(feature)).toList();
        List<Integer> positions = Stream.concat(numeric.stream(), categorical.stream())
                .map(feature -> position(dataset, feature))
                .toList();
        int rows = dataset.rowCount();
        int d = numeric.size();
        String[] customerIds = new String[rows];
        double[][] values = new double[rows][d];
        List<Map<String, Integer>> dictionaries = categorical.stream().<Map<String, Integer>>map(feature -> new HashMap<>()).toList();
        int[][] codes = new int[categorical.size()][rows];
        rowTable.read(datasetId, dataset.rowLayout(), positions, (index, customerId, fields) -> {
            customerIds[index] = customerId;
            for (int j = 0; j < d; j++) {
                values[index][j] = fields.nextTextAsNumber();
            }
            for (int c = 0; c < codes.length; c++) {
                Map<String, Integer> dictionary = dictionaries.get(c);
                String category = fields.nextText();
                codes[c][index] = category == null ? CustomerFeatures.MISSING
                        : dictionary.computeIfAbsent(category, value -> dictionary.size());
            }
        });
        List<CustomerFeatures.Categorical> categoricals = new ArrayList<>();
        for (int c = 0; c < codes.length; c++) {
            String[] dictionary = new String[dictionaries.get(c).size()];
            dictionaries.get(c).forEach((value, code) -> dictionary[code] = value);
            categoricals.add(new CustomerFeatures.Categorical(categorical.get(c), List.of(dictionary), codes[c]));
        }
        return new CustomerFeatures(customerIds, numeric, values, categoricals);
    }

    /** Every dataset has one: it is stored in the upload's transaction, and V20 removed datasets kept without. */
    private DatasetProfile requireProfile(UUID datasetId) {
        return profiles.find(datasetId)
                .orElseThrow(() -> new IllegalStateException("Dataset " + datasetId + " has no profile"));
    }

    private static int position(Dataset dataset, String feature) {
        List<DatasetColumn> columns = dataset.columns();
        for (int position = 0; position < columns.size(); position++) {
            if (columns.get(position).name().equals(feature) && columns.get(position).type() != ColumnType.TEXT) {
                return position;
            }
        }
        throw new IllegalArgumentException("Feature '" + feature + "' is not a numeric or categorical column of dataset "
                + dataset.id());
    }
}
