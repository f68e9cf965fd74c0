package org.customersegmentation.dataset;

import java.util.regex.Pattern;

/** How a column's values are read: as numbers a clustering can use, or as labels. */
public enum ColumnType {
    NUMERIC,
    CATEGORICAL;

    // Stricter than Double.parseDouble, which also takes "12f", "0x1p3", "NaN" and "Infinity".
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    static boolean isNumber(String value) {
        return DECIMAL.matcher(value).matches() && Double.isFinite(Double.parseDouble(value));
    }
}
