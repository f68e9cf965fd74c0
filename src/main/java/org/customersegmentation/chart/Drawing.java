package org.customersegmentation.chart;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.customersegmentation.common.InvalidInputException;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * A picture painted onto a Graphics2D of the given size, which becomes SVG (JFreeSVG) or PNG (Java 2D) from the
 * same painting code.
 */
record Drawing(int width, int height, Consumer<Graphics2D> painter) {

    private static final AtomicLong IDS = new AtomicLong();

    static {
        // JFreeChart otherwise draws rotated (and some aligned) text through TextLayout, which reaches SVG as glyph
        // outlines: heavier, blurrier, and neither selectable nor searchable. The workaround was for old JDKs.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    static Drawing of(JFreeChart chart, ChartSize size) {
        return new Drawing(size.width(), size.height(),
                graphics -> chart.draw(graphics, new Rectangle2D.Double(0, 0, size.width(), size.height())));
    }

    /** A standalone SVG document, for image/svg+xml responses. */
    String svgDocument() {
        return svgGraphics().getSVGDocument();
    }

    /**
     * An {@code <svg>} element to inline in HTML: it scales to its container's width, and its internal IDs are
     * unique, so several can share a page.
     */
    String svgElement() {
        SVGGraphics2D graphics = svgGraphics();
        return graphics.getSVGElement(null, false, new ViewBox(0, 0, width, height), null, null);
    }

    /** A PNG holds four bytes a pixel in memory while it is drawn, so its area is bounded. */
    static final int MAX_PNG_PIXELS = 8_000_000;

    byte[] png() {
        if ((long) width * height > MAX_PNG_PIXELS) {
            throw new InvalidInputException("Invalid chart size", "A PNG may have at most " + MAX_PNG_PIXELS
                    + " pixels; " + width + " x " + height + " has " + (long) width * height + ". Ask for a smaller "
                    + "width or height, or for the SVG.", Map.of("parameter", "width"));
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, width, height);
            painter.accept(graphics);
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private SVGGraphics2D svgGraphics() {
        SVGGraphics2D graphics = new SVGGraphics2D(width, height);
        graphics.setDefsKeyPrefix("c" + IDS.incrementAndGet() + "-");
        // two decimals are finer than any screen; full precision would make a 5,000-point scatter several MB
        graphics.setGeomDoubleConverter(value -> Double.toString(Math.round(value * 100) / 100.0));
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, width, height);
        painter.accept(graphics);
        return graphics;
    }
}
