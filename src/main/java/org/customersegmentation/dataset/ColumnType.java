package org.customersegmentation.dataset;

/**
 * What a column's values are. NUMERIC columns can be clustered on; CATEGORICAL columns have few distinct
 * labels; TEXT columns (names, e-mails, free text) are kept so customers can be recognised, never as features.
 */
public enum ColumnType {
    NUMERIC,
    CATEGORICAL,
    TEXT;

    /**
     * A plain decimal such as {@code -12}, {@code 3.5}, {@code .5} or {@code 1e-3} whose value is finite. Stricter
     * than {@link Double#parseDouble}, which also takes "12f", "0x1p3", "NaN" and "Infinity".
     */
    static boolean isNumber(String value) {
        int n = value.length();
        int i = 0;
        if (i < n && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(value.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && value.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(value.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (value.charAt(i) == 'e' || value.charAt(i) == 'E')) {
            i++;
            if (i < n && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && isDigit(value.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
            return i == n && Double.isFinite(Double.parseDouble(value));
        }
        return i == n && (digits < 300 || Double.isFinite(Double.parseDouble(value)));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
