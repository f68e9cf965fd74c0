package org.customersegmentation.report;

import java.util.Locale;

/** Numbers as a reader wants them: thousands separated, a sensible number of digits, "–" where undefined. */
final class Numbers {

    private Numbers() {
    }

    static String format(Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return "–";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (magnitude >= 0.01 || magnitude == 0) {
            return String.format(Locale.ROOT, "%.3f", value);
        }
        return String.format(Locale.ROOT, "%.2e", value);
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
