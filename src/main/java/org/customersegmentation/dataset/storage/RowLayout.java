package org.customersegmentation.dataset.storage;

import java.util.List;
import java.util.stream.Collectors;

/**
 * How a dataset's values sit in its row table. COLUMNS, one text column per dataset column, loads fastest, but
 * PostgreSQL keeps each short value inside the row, and a row must fit in a page: so only uploads of at most
 * {@link #MAX_COLUMNS} columns known from the start (a CSV header) use it. Wider uploads, and JSON, whose keys can
 * keep coming, use ARRAY: one text[] per customer, which PostgreSQL moves out of the row when it is large.
 */
public enum RowLayout {
    COLUMNS,
    ARRAY;

    /** At about 25 bytes a value at most in the row, 250 columns stay well inside an 8 kB page. */
    static final int MAX_COLUMNS = 250;

    public static RowLayout of(boolean columnsKnownUpfront, int columns) {
        return columnsKnownUpfront && columns <= MAX_COLUMNS ? COLUMNS : ARRAY;
    }

    /** The table's value columns, for CREATE TABLE. */
    String definition(int columns) {
        return switch (this) {
            case COLUMNS -> expressions(columns, c -> column(c) + " text");
            case ARRAY -> ", v text[]";
        };
    }

    /** The value columns a COPY writes. */
    String copyTarget(int columns) {
        return switch (this) {
            case COLUMNS -> expressions(columns, RowLayout::column);
            case ARRAY -> ", v";
        };
    }

    /** The expressions that read these 0-based positions. */
    String select(List<Integer> positions) {
        return positions.stream()
                .map(position -> ", " + (this == COLUMNS ? column(position) : "v[" + (position + 1) + "]"))
                .collect(Collectors.joining());
    }

    private static String column(int position) {
        return "c" + (position + 1);
    }

    private static String expressions(int columns, java.util.function.IntFunction<String> expression) {
        StringBuilder joined = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            joined.append(", ").append(expression.apply(c));
        }
        return joined.toString();
    }
}
