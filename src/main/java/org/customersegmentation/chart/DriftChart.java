package org.customersegmentation.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.util.List;
import java.util.Locale;
import org.customersegmentation.overtime.drift.DriftReport;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/** The population stability index of each feature as bars, with the two conventional thresholds drawn across. */
final class DriftChart {

    private static final Color STABLE = new Color(0x228833);
    private static final Color MONITOR = new Color(0xCCBB44);
    private static final Color RESEGMENT = new Color(0xEE6677);

    private DriftChart() {
    }

    static ChartSize naturalSize(DriftReport report) {
        return new ChartSize(900, Math.max(320, 200 + 40 * report.features().size()));
    }

    static Drawing draw(DriftReport report, ChartSize size) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (DriftReport.FeatureDrift feature : report.features()) {
            dataset.addValue(feature.psi(), "PSI", feature.feature());
        }
        List<DriftReport.FeatureDrift> features = report.features();
        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return color(features.get(column).verdict());
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new java.text.DecimalFormat("0.000", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT))));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartStyle.LABEL);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        NumberAxis psi = new NumberAxis("population stability index (PSI)");
        double largest = features.stream().mapToDouble(DriftReport.FeatureDrift::psi).max().orElse(0);
        psi.setRange(0, Math.max(0.3, largest * 1.2)); // both thresholds always in view
        CategoryAxis axis = new CategoryAxis("feature");
        axis.setMaximumCategoryLabelWidthRatio(0.35f);
        CategoryPlot plot = new CategoryPlot(dataset, axis, psi, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        plot.addRangeMarker(threshold(0.1, "0.1: monitor", MONITOR));
        plot.addRangeMarker(threshold(0.25, "0.25: resegment", RESEGMENT));
        JFreeChart chart = ChartStyle.chart("Drift since training: " + report.verdict(), plot, false);
        ChartStyle.subtitle(chart, String.format(Locale.ROOT, "%d customers now against %d in training; segment "
                        + "shares PSI %.3f; mean distance to the segment centre %s training's",
                report.customers(), report.trainingCustomers(), report.segments().psi(),
                report.segments().meanDistanceRatio() == null ? "against a zero"
                        : String.format(Locale.ROOT, "%.2f ×", report.segments().meanDistanceRatio())));
        return Drawing.of(chart, size);
    }

    private static ValueMarker threshold(double value, String label, Color color) {
        ValueMarker marker = new ValueMarker(value, color.darker(), new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        marker.setLabel(label);
        marker.setLabelFont(ChartStyle.LABEL);
        marker.setLabelPaint(color.darker());
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        return marker;
    }

    private static Color color(DriftReport.Verdict verdict) {
        return switch (verdict) {
            case STABLE -> STABLE;
            case MONITOR -> MONITOR;
            case RESEGMENT -> RESEGMENT;
        };
    }
}
