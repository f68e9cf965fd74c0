package org.customersegmentation.engine;

import java.util.List;

/**
 * How one categorical feature becomes columns of the clustering space: one 0/1 indicator per value seen in
 * training, each centred on its share of the customers ({@code centers}) and all divided by the same
 * {@code scale}, chosen so that the feature's columns together weigh as much as one numeric feature.
 *
 * @param feature the categorical feature
 * @param values  its values, most frequent first (ties in text order)
 * @param centers per value, the share of the customers that have it (after imputation)
 * @param scale   the common divisor of the feature's columns
 * @param imputed the value that fills a missing one: the most frequent
 */
public record OneHotEncoding(String feature, List<String> values, double[] centers, double scale, String imputed) {

    public OneHotEncoding {
        values = List.copyOf(values);
        if (centers.length != values.size()) {
            throw new IllegalArgumentException("one centre per value");
        }
    }

    /**
     * Writes the feature's columns for one value into {@code point} from {@code offset}. A missing value (null) is
     * the imputed one; a value never seen in training has all indicators 0.
     */
    void encode(String value, double[] point, int offset) {
        write(values.indexOf(value == null ? imputed : value), point, offset);
    }

    /** Writes the feature's columns with the indicator of value number {@code hot} set (none for -1). */
    public void write(int hot, double[] point, int offset) {
        for (int v = 0; v < values.size(); v++) {
            point[offset + v] = ((v == hot ? 1 : 0) - centers[v]) / scale;
        }
    }

    /** For each of the given values, its column among this feature's; -1 for a value not seen in training. */
    public int[] positionsOf(List<String> others) {
        return positions(values, others);
    }

    public static int[] positions(List<String> values, List<String> others) {
        return others.stream().mapToInt(values::indexOf).toArray();
    }

    public int width() {
        return values.size();
    }
}
