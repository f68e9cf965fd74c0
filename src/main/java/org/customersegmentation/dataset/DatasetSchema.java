package org.customersegmentation.dataset;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What another module needs to know of a dataset to plan work on it.
 *
 * @param idColumn the customer-ID column, or null when customers are numbered
 */
public record DatasetSchema(UUID id, String name, int rowCount, String idColumn, Map<String, Column> columns) {

    /** The longest column name an upload may have, so that a job can name any column as a feature. */
    public static final int MAX_COLUMN_NAME_LENGTH = 256;

    /**
     * @param missing how many customers have no value in this column
     * @param min     the smallest value of a NUMERIC column, from the dataset's profile; null when unknown
     * @param distinct how many distinct values a CATEGORICAL column has; null for other types
     */
    public record Column(ColumnType type, int missing, Double min, Integer distinct) {
    }

    /** The NUMERIC and CATEGORICAL columns that hold at least one value: what can be clustered on. */
    public List<String> clusterableColumns() {
        return columns.entrySet().stream()
                .filter(column -> column.getValue().type() != ColumnType.TEXT && column.getValue().missing() < rowCount)
                .map(Map.Entry::getKey)
                .toList();
    }
}
