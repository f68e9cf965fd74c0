package org.customersegmentation.dataset.profile;

import java.util.HashMap;
import java.util.Map;
import org.customersegmentation.dataset.ColumnType;

/**
 * What one column's values have shown so far, as they stream past: how many are missing, whether all are
 * numbers, and the count of each distinct value for as long as there are at most {@code maxCategories}.
 */
public final class ColumnTally {

    private final String name;
    private final int maxCategories;
    private long missing;
    private long present;
    private boolean numeric = true;
    private Map<String, long[]> counts = new HashMap<>();

    /** @param missingSoFar customers read before the column first appeared, who have no value in it */
    public ColumnTally(String name, int maxCategories, long missingSoFar) {
        this.name = name;
        this.maxCategories = maxCategories;
        this.missing = missingSoFar;
    }

    /**
     * Counts a normalized value (null when missing); returns it as a number while the column is still numeric,
     * NaN otherwise.
     */
    public double accept(String value) {
        if (value == null) {
            missing++;
            return Double.NaN;
        }
        present++;
        if (counts != null) {
            counts.computeIfAbsent(value, v -> new long[1])[0]++;
            if (counts.size() > maxCategories) {
                counts = null;
            }
        }
        if (numeric) {
            double number = ColumnType.parseNumber(value);
            numeric = !Double.isNaN(number);
            return number;
        }
        return Double.NaN;
    }

    public String name() {
        return name;
    }

    public long missing() {
        return missing;
    }

    long present() {
        return present;
    }

    public ColumnType type() {
        if (numeric) {
            return ColumnType.NUMERIC;
        }
        return counts != null ? ColumnType.CATEGORICAL : ColumnType.TEXT;
    }

    /** Distinct values of a CATEGORICAL column, null for other types. */
    public Integer distinct() {
        return type() == ColumnType.CATEGORICAL ? counts.size() : null;
    }

    /** Each value's count, for a CATEGORICAL column. */
    Map<String, Long> valueCounts() {
        Map<String, Long> result = new HashMap<>();
        if (counts != null) {
            counts.forEach((value, count) -> result.put(value, count[0]));
        }
        return result;
    }
}
