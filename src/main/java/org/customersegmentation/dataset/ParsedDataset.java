package org.customersegmentation.dataset;

import java.util.List;

/**
 * An uploaded table, checked and typed, ready to store.
 *
 * @param idColumn     the header of the customer-ID column, or null when customers are numbered by row
 * @param columns      every column but the ID column, in header order
 * @param customerIds  one per row
 * @param numeric      per row, the NUMERIC columns' values in column order; NaN where missing
 * @param categorical  per row, the CATEGORICAL columns' values in column order; null where missing
 */
record ParsedDataset(String idColumn, List<ParsedColumn> columns, String[] customerIds, double[][] numeric,
                     String[][] categorical) {

    /** @param arrayIndex 1-based position among the columns of the same type */
    record ParsedColumn(String name, ColumnType type, int missing, int arrayIndex) {
    }

    int rowCount() {
        return customerIds.length;
    }
}
