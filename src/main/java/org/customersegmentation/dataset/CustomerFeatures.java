package org.customersegmentation.dataset;

import java.util.List;

/**
 * Some NUMERIC and CATEGORICAL columns of every customer of a dataset, in upload order.
 *
 * @param customerIds  each customer's ID, in upload order
 * @param numeric      the numeric columns' names, in the order asked for
 * @param values       per customer, its numeric values in that order, NaN where missing
 * @param categoricals the categorical columns, in the order asked for
 */
public record CustomerFeatures(String[] customerIds, List<String> numeric, double[][] values,
                               List<Categorical> categoricals) {

    /** Marks a missing value in {@link Categorical#codes()}. */
    public static final int MISSING = -1;

    /**
     * One categorical column, its values coded by a dictionary.
     *
     * @param dictionary the column's distinct values, in order of first appearance
     * @param codes      per customer, the position of its value in the dictionary, or {@link #MISSING}
     */
    public record Categorical(String name, List<String> dictionary, int[] codes) {
    }

    public int rowCount() {
        return customerIds.length;
    }

    /** The customer's categories, in column order; null where missing. */
    public String[] categoriesOf(int row) {
        return categoricals.stream()
                .map(column -> column.codes()[row] == MISSING ? null : column.dictionary().get(column.codes()[row]))
                .toArray(String[]::new);
    }
}
