package org.customersegmentation.chart;

import java.util.Map;
import org.customersegmentation.common.InvalidInputException;

/** A chart's size in pixels (SVG user units). */
record ChartSize(int width, int height) {

    static final int MIN = 200;
    static final int MAX = 4000;
    static final String MIN_TEXT = "" + MIN;
    static final String MAX_TEXT = "" + MAX;

    /** The caller's width and height where given, else the chart's natural size; 400 outside 200..4000. */
    static ChartSize requested(Integer width, Integer height, ChartSize natural) {
        return new ChartSize(checked("width", width, natural.width()), checked("height", height, natural.height()));
    }

    private static int checked(String name, Integer requested, int natural) {
        if (requested == null) {
            return Math.min(MAX, natural);
        }
        if (requested < MIN || requested > MAX) {
            throw new InvalidInputException("Invalid chart size", name + " must be between " + MIN + " and " + MAX
                    + " pixels; it was " + requested + ".", Map.of("parameter", name));
        }
        return requested;
    }
}
