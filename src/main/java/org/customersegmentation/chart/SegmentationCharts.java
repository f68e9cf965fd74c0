package org.customersegmentation.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.customersegmentation.common.ConflictException;
import org.customersegmentation.engine.SegmentProfile;
import org.customersegmentation.result.SegmentationResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Pictures of a finished segmentation: how k was chosen, the segments seen flat, their profiles and sizes. */
final class SegmentationCharts {

    static final ChartSize NATURAL = new ChartSize(900, 600);

    private SegmentationCharts() {
    }

    static String segmentName(SegmentationResult.Segment segment) {
        return segment.key() + " · " + segment.name();
    }

    /** Inertia (the elbow) and silhouette against k, the chosen k marked. */
    static Drawing kSelection(SegmentationResult result, ChartSize size) {
        SegmentationResult.KSelection selection = result.kSelection();
        if (selection == null) {
            throw new ConflictException("No k selection", "This segmentation was asked for a fixed k (" + result.k()
                    + "), so no other k was tried; ask for a kRange to get this chart.", Map.of());
        }
        XYSeries inertia = new XYSeries("inertia (left axis; the elbow)");
        XYSeries silhouette = new XYSeries("silhouette (right axis)");
        for (SegmentationResult.Candidate candidate : selection.candidates()) {
            inertia.add(candidate.k(), candidate.inertia());
            if (candidate.silhouette() != null) {
                silhouette.add(candidate.k(), candidate.silhouette());
            }
        }
        NumberAxis k = new NumberAxis("k (number of segments)");
        k.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        k.setAutoRangeIncludesZero(false);
        NumberAxis inertiaAxis = new NumberAxis("inertia (within-segment sum of squares)");
        inertiaAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(new XYSeriesCollection(inertia), k, inertiaAxis,
                line(Palette.segment(0), new Ellipse2D.Double(-4, -4, 8, 8)));
        NumberAxis silhouetteAxis = new NumberAxis("mean silhouette (higher is better)");
        silhouetteAxis.setAutoRangeIncludesZero(false);
        plot.setRangeAxis(1, silhouetteAxis);
        plot.setDataset(1, new XYSeriesCollection(silhouette));
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, line(Palette.segment(1), new Rectangle2D.Double(-4, -4, 8, 8)));
        ValueMarker chosen = new ValueMarker(selection.chosenK(), Color.DARK_GRAY, new BasicStroke(1.5f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        chosen.setLabel("chosen k = " + selection.chosenK());
        chosen.setLabelFont(ChartStyle.LABEL);
        chosen.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        chosen.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addDomainMarker(chosen);
        JFreeChart chart = ChartStyle.chart("Choosing k", plot, true);
        ChartStyle.subtitle(chart, "k = " + selection.chosenK() + " chosen by " + rule(selection.method())
                + "; every k from " + selection.candidates().getFirst().k() + " to " + selection.candidates().getLast().k()
                + " was fitted");
        return Drawing.of(chart, size);
    }

    /** Customers on the first two principal components of the clustering space, coloured by segment. */
    static Drawing scatter(SegmentationResult result, ClusteredSamples.ClusteredSample sample, ChartSize size) {
        if (sample.points().length == 0) {
            throw new ConflictException("Nothing to draw", "No customer of this segmentation could be drawn.", Map.of());
        }
        PrincipalComponents pca = PrincipalComponents.of(sample.points());
        List<XYSeries> bySegment = new ArrayList<>();
        for (SegmentationResult.Segment segment : result.segments()) {
            bySegment.add(new XYSeries(segmentName(segment) + " (" + segment.size() + ")", false, true));
        }
        for (int i = 0; i < sample.points().length; i++) {
            double[] xy = flat(pca.project(sample.points()[i]));
            bySegment.get(sample.segments()[i]).add(xy[0], xy[1]);
        }
        XYSeriesCollection customers = new XYSeriesCollection();
        bySegment.forEach(customers::addSeries);
        XYLineAndShapeRenderer points = new XYLineAndShapeRenderer(false, true);
        points.setDrawOutlines(false);
        for (int s = 0; s < bySegment.size(); s++) {
            points.setSeriesPaint(s, Palette.translucent(Palette.segment(s), 150));
            points.setSeriesShape(s, Markers.point(s, 3));
        }
        NumberAxis x = new NumberAxis(component(1, pca));
        NumberAxis y = new NumberAxis(component(2, pca));
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(customers, x, y, points);
        XYSeries centres = new XYSeries("segment centres", false, true);
        for (double[] centroid : sample.centroids()) {
            double[] xy = flat(pca.project(centroid));
            centres.add(xy[0], xy[1]);
        }
        XYLineAndShapeRenderer centreRenderer = new XYLineAndShapeRenderer(false, true) {
            @Override
            public Paint getItemFillPaint(int series, int item) {
                return Palette.segment(item);
            }
        };
        centreRenderer.setUseFillPaint(true);
        centreRenderer.setDrawOutlines(true);
        centreRenderer.setUseOutlinePaint(true);
        centreRenderer.setSeriesOutlinePaint(0, Color.BLACK);
        centreRenderer.setSeriesOutlineStroke(0, new BasicStroke(2f));
        centreRenderer.setSeriesPaint(0, Color.WHITE);
        centreRenderer.setSeriesShape(0, Markers.diamond(9));
        plot.setDataset(1, new XYSeriesCollection(centres));
        plot.setRenderer(1, centreRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD); // the centres on top of the customers
        JFreeChart chart = ChartStyle.chart("Segments seen flat", plot, true);
        int segmented = result.segments().stream().mapToInt(SegmentationResult.Segment::size).sum();
        ChartStyle.subtitle(chart, sample.points().length == segmented
                ? "All " + segmented + " customers on the first two principal components of the clustering space"
                : sample.points().length + " of " + segmented + " customers (a fixed random sample) on the first "
                        + "two principal components of the clustering space");
        return Drawing.of(chart, size);
    }

    /** Segments x features, each cell how far the segment's mean lies from everyone's, in standard deviations. */
    static Drawing profiles(SegmentationResult result, ChartSize size) {
        List<String> columns = new ArrayList<>();
        for (String feature : result.features()) {
            if (result.segments().getFirst().zScores().containsKey(feature)) {
                columns.add(feature);
            }
        }
        List<String> categoryValues = result.segments().stream().flatMap(segment -> segment.distinguishing().stream())
                .filter(trait -> trait.value() != null).map(SegmentationResult.Trait::trait)
                .filter(name -> !columns.contains(name)).distinct().toList();
        columns.addAll(categoryValues);
        if (columns.isEmpty()) {
            throw new ConflictException("Nothing to draw", "This segmentation has no numeric feature and no "
                    + "distinguishing category.", Map.of());
        }
        double[][] values = new double[result.segments().size()][columns.size()];
        for (int s = 0; s < result.segments().size(); s++) {
            SegmentationResult.Segment segment = result.segments().get(s);
            for (int c = 0; c < columns.size(); c++) {
                values[s][c] = zScore(segment, columns.get(c));
            }
        }
        JFreeChart chart = new Heatmap("What sets each segment apart",
                "Members' mean against all customers' mean, in standard deviations (z); categories by their 0/1 share",
                result.segments().stream().map(SegmentationCharts::segmentName).toList(), columns, values, 2,
                "z (saturates at ±2)", "%.1f").chart();
        return Drawing.of(chart, size);
    }

    /** Taller with more segments, for the legend under the plot. */
    static ChartSize scatterSize(SegmentationResult result) {
        return new ChartSize(900, 560 + 22 * result.segments().size());
    }

    static ChartSize sizesSize(SegmentationResult result) {
        return new ChartSize(900, Math.max(300, 160 + 44 * result.segments().size()));
    }

    static ChartSize profilesSize(SegmentationResult result) {
        int columns = result.features().size() + 3;
        return new ChartSize(Math.max(700, Math.min(3000, 380 + 64 * columns)),
                Math.max(500, Math.min(2400, 380 + 48 * result.segments().size())));
    }

    /** How many customers each segment has. */
    static Drawing sizes(SegmentationResult result, ChartSize size) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (SegmentationResult.Segment segment : result.segments()) {
            dataset.addValue(segment.size(), "customers", segmentName(segment));
        }
        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return Palette.segment(column);
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDefaultItemLabelGenerator(new SizeLabels(result));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartStyle.LABEL);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        NumberAxis customers = new NumberAxis("customers");
        customers.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        customers.setUpperMargin(0.25);
        CategoryAxis segments = new CategoryAxis("segment");
        segments.setMaximumCategoryLabelWidthRatio(0.45f);
        CategoryPlot plot = new CategoryPlot(dataset, segments, customers, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        JFreeChart chart = ChartStyle.chart("Segment sizes", plot, false);
        ChartStyle.subtitle(chart, result.segments().stream().mapToInt(SegmentationResult.Segment::size).sum()
                + " customers in " + result.segments().size() + " segments"
                + (result.droppedCustomers() > 0 ? "; " + result.droppedCustomers() + " left out for missing values" : ""));
        return Drawing.of(chart, size);
    }

    private static double zScore(SegmentationResult.Segment segment, String column) {
        Double z = segment.zScores().get(column);
        if (z != null) {
            return z;
        }
        int equals = column.indexOf('=');
        if (equals < 0) {
            return Double.NaN;
        }
        Map<String, SegmentationResult.CategoryShare> values = segment.categories().get(column.substring(0, equals));
        SegmentationResult.CategoryShare share = values == null ? null : values.get(column.substring(equals + 1));
        if (share == null || share.share() == null || share.lift() == null || share.lift() == 0) {
            return Double.NaN;
        }
        return SegmentProfile.CategoryShares.indicatorZScore(share.share(), share.share() / share.lift());
    }

    private record SizeLabels(SegmentationResult result) implements CategoryItemLabelGenerator {
        @Override
        public String generateLabel(CategoryDataset dataset, int row, int column) {
            SegmentationResult.Segment segment = result.segments().get(column);
            return NumberFormat.getIntegerInstance(Locale.ROOT).format(segment.size())
                    + String.format(Locale.ROOT, " (%.1f%%)", 100 * segment.share());
        }

        @Override
        public String generateRowLabel(CategoryDataset dataset, int row) {
            return dataset.getRowKey(row).toString();
        }

        @Override
        public String generateColumnLabel(CategoryDataset dataset, int column) {
            return dataset.getColumnKey(column).toString();
        }
    }

    /** How a k-selection method picks k, in words. */
    static String rule(String method) {
        return switch (method) {
            case "SILHOUETTE" -> "the highest mean silhouette";
            case "ELBOW" -> "the elbow of the inertia curve (where another segment stops paying off)";
            case "DAVIES_BOULDIN" -> "the lowest Davies–Bouldin index";
            case "CALINSKI_HARABASZ" -> "the highest Calinski–Harabasz index";
            default -> method;
        };
    }

    private static String component(int number, PrincipalComponents pca) {
        double share = number <= pca.varianceShare().length ? pca.varianceShare()[number - 1] : 0;
        return String.format(Locale.ROOT, "principal component %d (%.1f%% of the variance)", number, 100 * share);
    }

    private static double[] flat(double[] projected) {
        return projected.length == 1 ? new double[] {projected[0], 0} : projected;
    }

    private static XYLineAndShapeRenderer line(Color color, Shape shape) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, color);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesShape(0, shape);
        return renderer;
    }
}
