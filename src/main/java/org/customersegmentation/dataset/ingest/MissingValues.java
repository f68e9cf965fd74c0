package org.customersegmentation.dataset.ingest;

/** Which cells mean "no value": empty ones and, in any case, NA, N/A, null and NaN. */
public final class MissingValues {

    private MissingValues() {
    }

    /** The value without surrounding whitespace, or null when it stands for a missing value. */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        return switch (value.length()) {
            case 0 -> null;
            case 2 -> value.equalsIgnoreCase("NA") ? null : value;
            case 3 -> value.equalsIgnoreCase("N/A") || value.equalsIgnoreCase("NaN") ? null : value;
            case 4 -> value.equalsIgnoreCase("null") ? null : value;
            default -> value;
        };
    }
}
