package org.customersegmentation.chart;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * Colour-blind-safe colours from Paul Tol's schemes (https://personal.sron.nl/~pault/): "muted" for segments,
 * whose ten colours stay distinct under the common colour-vision deficiencies, and "BuRd" for signed values.
 */
final class Palette {

    private static final Color[] SEGMENTS = {
            new Color(0x332288), new Color(0xCC6677), new Color(0x117733), new Color(0xDDCC77), new Color(0x88CCEE),
            new Color(0x882255), new Color(0x44AA99), new Color(0x999933), new Color(0xAA4499), new Color(0x555555)};

    private static final Color[] DIVERGING = {
            new Color(0x2166AC), new Color(0x4393C3), new Color(0x92C5DE), new Color(0xD1E5F0), new Color(0xF7F7F7),
            new Color(0xFDDBC7), new Color(0xF4A582), new Color(0xD6604D), new Color(0xB2182B)};

    static final Color MISSING = new Color(0xDDDDDD);
    static final Color BARS = new Color(0x4477AA);
    static final Color GRID = new Color(0xE0E0E0);

    private Palette() {
    }

    /** Segment colours repeat after ten; the scatter also varies the marker shape, so they stay apart. */
    static Color segment(int segment) {
        return SEGMENTS[segment % SEGMENTS.length];
    }

    static Color translucent(Color color, int alpha) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
    }

    /** Blue below zero, white at zero, red above, saturating at ±limit; grey for NaN. */
    static PaintScale diverging(double limit) {
        return new PaintScale() {
            @Override
            public double getLowerBound() {
                return -limit;
            }

            @Override
            public double getUpperBound() {
                return limit;
            }

            @Override
            public Paint getPaint(double value) {
                return divergingColor(value, limit);
            }
        };
    }

    static Color divergingColor(double value, double limit) {
        if (Double.isNaN(value)) {
            return MISSING;
        }
        double position = (Math.max(-limit, Math.min(limit, value)) + limit) / (2 * limit) * (DIVERGING.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(DIVERGING.length - 1, low + 1);
        double t = position - low;
        Color a = DIVERGING[low];
        Color b = DIVERGING[high];
        return new Color((int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
    }

    /** Black or white, whichever reads better on the background. */
    static Color textOn(Color background) {
        double luminance = (0.299 * background.getRed() + 0.587 * background.getGreen() + 0.114 * background.getBlue()) / 255;
        return luminance < 0.5 ? Color.WHITE : Color.BLACK;
    }
}
