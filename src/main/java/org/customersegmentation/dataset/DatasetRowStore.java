package org.customersegmentation.dataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.customersegmentation.storage.PostgresCopy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The customers' values, written with COPY and read back column by column through array subscripts. */
@Component
class DatasetRowStore {

    private final PostgresCopy copy;
    private final JdbcTemplate jdbc;

    DatasetRowStore(PostgresCopy copy, JdbcTemplate jdbc) {
        this.copy = copy;
        this.jdbc = jdbc;
    }

    void insert(UUID datasetId, ParsedDataset parsed) {
        copy.copyIn("COPY dataset_row (dataset_id, row_number, customer_id, numeric_values, categorical_values) FROM STDIN",
                rows -> {
                    String dataset = datasetId.toString();
                    for (int i = 0; i < parsed.rowCount(); i++) {
                        rows.text(dataset).number(i + 1).text(parsed.customerIds()[i])
                                .doubleArray(parsed.numeric()[i]).textArray(parsed.categorical()[i])
                                .endRow();
                    }
                });
    }

    /**
     * The given numeric columns for every customer, in row order, NaN where a value is missing.
     *
     * @param arrayIndexes 1-based subscripts into numeric_values, as stored in dataset_column
     */
    double[][] numericColumns(UUID datasetId, List<Integer> arrayIndexes) {
        // Only integers from our own column table reach the SQL text, never a name from the CSV.
        String selected = arrayIndexes.stream().map(i -> "numeric_values[" + i + "]").collect(Collectors.joining(", "));
        List<double[]> read = new ArrayList<>();
        jdbc.query("SELECT " + selected + " FROM dataset_row WHERE dataset_id = ? ORDER BY row_number", rs -> {
            double[] row = new double[arrayIndexes.size()];
            for (int j = 0; j < row.length; j++) {
                double value = rs.getDouble(j + 1);
                row[j] = rs.wasNull() ? Double.NaN : value;
            }
            read.add(row);
        }, datasetId);
        return read.toArray(double[][]::new);
    }

    /** Customer IDs of the given 1-based row numbers. */
    Map<Integer, String> customerIds(UUID datasetId, int[] rowNumbers) {
        Map<Integer, String> ids = new HashMap<>();
        jdbc.query("SELECT row_number, customer_id FROM dataset_row WHERE dataset_id = ? AND row_number = ANY (?)",
                rs -> {
                    ids.put(rs.getInt(1), rs.getString(2));
                }, datasetId, rowNumbers);
        return ids;
    }
}
