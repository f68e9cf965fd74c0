package org.customersegmentation.dataset;

import org.customersegmentation.dataset.ingest.MissingValues;

/** How a single cell is read, the same way uploads read them, for callers outside the dataset module. */
public final class CellValues {

    private CellValues() {
    }

    /**
     * The number in a cell: NaN when it is missing (empty, NA, N/A, null, NaN); an IllegalArgumentException when it
     * is something else than a plain decimal.
     */
    public static double number(String raw) {
        String value = MissingValues.normalize(raw);
        if (value == null) {
            return Double.NaN;
        }
        double number = ColumnType.parseNumber(value);
        if (Double.isNaN(number)) {
            throw new IllegalArgumentException("not a number");
        }
        return number;
    }

    /** The category in a cell, stripped as uploads store it: null when it is missing (empty, NA, N/A, null, NaN). */
    public static String category(String raw) {
        return MissingValues.normalize(raw);
    }
}
