package org.customersegmentation.engine;

import java.util.List;

/**
 * A categorical feature of every customer, as codes into the values seen.
 *
 * @param name   the feature
 * @param values the distinct values, in any order
 * @param codes  per customer, the index of its value in {@code values}, or -1 where it is missing
 */
public record CategoricalColumn(String name, List<String> values, int[] codes) {

    public static final int MISSING = -1;

    public CategoricalColumn {
        values = List.copyOf(values);
        for (int code : codes) {
            if (code < MISSING || code >= values.size()) {
                throw new IllegalArgumentException("code " + code + " of '" + name + "' is not one of its values");
            }
        }
    }

    CategoricalColumn keep(int[] rows) {
        int[] kept = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            kept[i] = codes[rows[i]];
        }
        return new CategoricalColumn(name, values, kept);
    }
}
