package org.customersegmentation.dataset;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

/**
 * What a column's values are. NUMERIC columns can be clustered on; CATEGORICAL columns have few distinct
 * labels; TEXT columns (names, e-mails, free text) are kept so customers can be recognised, never as features.
 */
public enum ColumnType {
    NUMERIC,
    CATEGORICAL,
    TEXT;

    /**
     * The value of a plain decimal such as {@code -12}, {@code 3.5}, {@code .5} or {@code 1e-3} when it is finite;
     * NaN for anything else. Stricter than {@link Double#parseDouble}, which also takes "12f", "0x1p3", "NaN"
     * and "Infinity": FastDoubleParser reads Java's grammar, and the checks around it rule out what lies beyond
     * plain decimals (a suffix, a hexadecimal literal, or a word), all recognisable from the first and last
     * characters.
     */
    public static double parseNumber(String value) {
        int n = value.length();
        if (n == 0) {
            return Double.NaN;
        }
        int first = value.charAt(0) == '+' || value.charAt(0) == '-' ? 1 : 0;
        if (first == n || !isDigitOrPoint(value.charAt(first)) || !isDigitOrPoint(value.charAt(n - 1))
                || (value.charAt(first) == '0' && first + 1 < n && (value.charAt(first + 1) | 0x20) == 'x')) {
            return Double.NaN;
        }
        try {
            double number = JavaDoubleParser.parseDouble(value);
            return Double.isFinite(number) ? number : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static boolean isDigitOrPoint(char c) {
        return (c >= '0' && c <= '9') || c == '.';
    }
}
