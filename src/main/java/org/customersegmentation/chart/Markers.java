package org.customersegmentation.chart;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/** Marker shapes, centred on the origin. */
final class Markers {

    private Markers() {
    }

    /** A circle, square, triangle or diamond: the shape changes each time the ten colours come round again. */
    static Shape point(int segment, double radius) {
        return switch (segment / 10 % 4) {
            case 0 -> new Ellipse2D.Double(-radius, -radius, 2 * radius, 2 * radius);
            case 1 -> new Rectangle2D.Double(-radius, -radius, 2 * radius, 2 * radius);
            case 2 -> triangle(radius + 1);
            default -> diamond(radius + 1);
        };
    }

    static Shape diamond(double radius) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(0, -radius);
        path.lineTo(radius, 0);
        path.lineTo(0, radius);
        path.lineTo(-radius, 0);
        path.closePath();
        return path;
    }

    static Shape triangle(double radius) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(0, -radius);
        path.lineTo(radius, radius);
        path.lineTo(-radius, radius);
        path.closePath();
        return path;
    }
}
