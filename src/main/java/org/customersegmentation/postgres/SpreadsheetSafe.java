package org.customersegmentation.postgres;

/**
 * CSV cells that a spreadsheet shows rather than runs (OWASP's advice against CSV injection), for exports that
 * PostgreSQL writes itself with {@code COPY ... (FORMAT csv)}.
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    /** The SQL text expression, with an apostrophe in front when it begins with =, +, -, @, a tab or a carriage return. */
    public static String text(String sqlExpression) {
        return "CASE WHEN left(" + sqlExpression + ", 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || "
                + sqlExpression + " ELSE " + sqlExpression + " END";
    }
}
