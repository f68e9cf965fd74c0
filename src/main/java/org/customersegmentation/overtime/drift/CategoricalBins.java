package org.customersegmentation.overtime.drift;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.customersegmentation.dataset.CustomerFeatures;

/**
 * One bin per value a categorical feature takes in training (most frequent first, ties in text order), then one
 * for every value training never saw, then one for missing values.
 */
final class CategoricalBins {

    private final List<String> values;
    private final Map<String, Integer> bins = new HashMap<>();

    CategoricalBins(List<String> values) {
        this.values = List.copyOf(values);
        for (int bin = 0; bin < values.size(); bin++) {
            bins.put(values.get(bin), bin);
        }
    }

    static CategoricalBins ofTraining(CustomerFeatures.Categorical column) {
        long[] counts = new long[column.dictionary().size()];
        for (int code : column.codes()) {
            if (code != CustomerFeatures.MISSING) {
                counts[code]++;
            }
        }
        return new CategoricalBins(IntStream.range(0, counts.length).filter(code -> counts[code] > 0).boxed()
                .sorted(Comparator.comparingLong((Integer code) -> -counts[code])
                        .thenComparing(code -> column.dictionary().get(code)))
                .map(column.dictionary()::get)
                .toList());
    }

    List<String> values() {
        return values;
    }

    int binCount() {
        return values.size() + 2;
    }

    int unseenBin() {
        return values.size();
    }

    int missingBin() {
        return values.size() + 1;
    }

    /** How many customers of the column fall into each bin. */
    long[] counts(CustomerFeatures.Categorical column) {
        int[] binOfCode = column.dictionary().stream().mapToInt(value -> bins.getOrDefault(value, unseenBin())).toArray();
        long[] counts = new long[binCount()];
        for (int code : column.codes()) {
            counts[code == CustomerFeatures.MISSING ? missingBin() : binOfCode[code]]++;
        }
        return counts;
    }
}
