package org.customersegmentation.dataset;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What another module needs to know of a dataset to plan work on it. */
public record DatasetSchema(UUID id, int rowCount, Map<String, ColumnType> columnTypes) {

    public List<String> numericColumns() {
        return columnTypes.entrySet().stream()
                .filter(column -> column.getValue() == ColumnType.NUMERIC)
                .map(Map.Entry::getKey)
                .toList();
    }
}
