package org.customersegmentation.dataset.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.customersegmentation.dataset.ColumnType;
import org.customersegmentation.dataset.storage.Dataset;

/**
 * @param idColumn the header of the customer-ID column, or null when customers are numbered by row
 * @param columns  every column but the ID column
 */
public record DatasetView(UUID id, String name, int rowCount, @Schema(nullable = true) String idColumn, Instant createdAt,
                          List<ColumnView> columns) {

    /**
     * @param missing  how many customers have no value in this column
     * @param distinct how many distinct values a CATEGORICAL column has; absent for other types
     */
    record ColumnView(String name, ColumnType type, int missing, @JsonInclude(JsonInclude.Include.NON_NULL) Integer distinct) {
    }

    public static DatasetView of(Dataset dataset) {
        return new DatasetView(dataset.id(), dataset.name(), dataset.rowCount(), dataset.idColumn(), dataset.createdAt(),
                dataset.columns().stream()
                        .map(column -> new ColumnView(column.name(), column.type(), column.missingCount(), column.distinctCount()))
                        .toList());
    }
}
