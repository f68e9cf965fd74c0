package org.customersegmentation.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.customersegmentation.common.ConflictException;
import org.customersegmentation.result.SegmentationResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.block.LengthConstraintType;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Size2D;
import org.jfree.data.Range;
import org.jfree.data.RangeInfo;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;

/**
 * Small multiples of box plots: one panel per numeric feature, each with its own value axis (features have their
 * own units), one box per segment, drawn by JFreeChart from the statistics the job stored: the box from p25 to p75
 * with the median as a line, whiskers at Tukey's 1.5 IQR, and the minimum and maximum as circles where they lie
 * beyond the whiskers. The individual outliers are not stored, so only those two are drawn. The mean is left out:
 * JFreeChart draws it as a disc half a box wide, which hides the median.
 */
final class BoxPlots {

    private static final int MIN_CELL_WIDTH = 300;
    private static final int MAX_CELL_WIDTH = 1200;
    private static final int CELL_HEIGHT = 240;
    private static final int BOX_WIDTH = 16;
    private static final int HEADER = 56;
    private static final int LEGEND_ROW = 20;

    private BoxPlots() {
    }

    /**
     * Four panels a row while they fit; wider panels, and fewer a row, with more segments. Never more pixels than a
     * PNG may have, so that the default size can always be asked for as one.
     */
    static ChartSize naturalSize(SegmentationResult result) {
        List<String> features = numericFeatures(result);
        int panels = Math.max(1, features.size());
        int cellWidth = cellWidth(result);
        int columns = gridColumns(panels, cellWidth);
        int rows = (panels + columns - 1) / columns;
        int width = Math.min(ChartSize.MAX, columns * cellWidth);
        int height = HEADER + legendRows(result, width) * LEGEND_ROW + 8 + rows * CELL_HEIGHT;
        return new ChartSize(width, Math.min(Math.min(ChartSize.MAX, height), Drawing.MAX_PNG_PIXELS / width));
    }

    static Drawing draw(SegmentationResult result, ChartSize size) {
        List<String> features = numericFeatures(result);
        if (features.isEmpty()) {
            throw new ConflictException("Nothing to draw", "This segmentation has no numeric feature; box plots show "
                    + "how numeric features spread within each segment.", Map.of());
        }
        boolean stored = result.segments().stream().flatMap(segment -> segment.features().values().stream())
                .allMatch(summary -> summary.median() == null || summary.p25() != null);
        if (!stored) {
            throw new ConflictException("No quartiles stored", "This segmentation was stored before the service kept "
                    + "each segment's quartiles; run it again (same request and seed) to get the box plots.", Map.of());
        }
        List<JFreeChart> panels = features.stream().map(feature -> panel(result, feature)).toList();
        // a narrower picture than the natural one gets fewer panels a row, not panels too narrow to read
        int gridColumns = Math.clamp(size.width() / 200, 1, gridColumns(panels.size(), cellWidth(result)));
        int gridRows = (panels.size() + gridColumns - 1) / gridColumns;
        return new Drawing(size.width(), size.height(), graphics -> {
            double top = header(graphics, result, size.width());
            double cellWidth = (double) size.width() / gridColumns;
            double cellHeight = Math.max(1, (size.height() - top) / gridRows);
            for (int i = 0; i < panels.size(); i++) {
                panels.get(i).draw(graphics, new Rectangle2D.Double(i % gridColumns * cellWidth,
                        top + i / gridColumns * cellHeight, cellWidth, cellHeight));
            }
        });
    }

    /** Title, subtitle and the legend of segment colours; returns where the panels begin. */
    private static double header(Graphics2D graphics, SegmentationResult result, int width) {
        graphics.setColor(Color.BLACK);
        graphics.setFont(ChartStyle.TITLE);
        FontMetrics metrics = graphics.getFontMetrics();
        String title = "How each feature spreads within each segment";
        graphics.drawString(title, (width - metrics.stringWidth(title)) / 2f, 24);
        graphics.setFont(ChartStyle.SUBTITLE);
        graphics.setColor(Color.DARK_GRAY);
        String subtitle = "Box: 25th to 75th percentile, line: median; whiskers reach the last value within 1.5 IQR; "
                + "circles: the minimum and maximum beyond them";
        graphics.drawString(subtitle, (width - graphics.getFontMetrics().stringWidth(subtitle)) / 2f, 42);
        LegendTitle legend = new LegendTitle(() -> legendItems(result));
        legend.setItemFont(ChartStyle.LABEL);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        Size2D legendSize = legend.arrange(graphics, new RectangleConstraint(width, new Range(0, width),
                LengthConstraintType.RANGE, 0, null, LengthConstraintType.NONE));
        legend.draw(graphics, new Rectangle2D.Double((width - legendSize.getWidth()) / 2, HEADER - 6,
                legendSize.getWidth(), legendSize.getHeight()));
        return HEADER - 6 + legendSize.getHeight() + 8;
    }

    private static LegendItemCollection legendItems(SegmentationResult result) {
        LegendItemCollection items = new LegendItemCollection();
        for (SegmentationResult.Segment segment : result.segments()) {
            items.add(new LegendItem(SegmentationCharts.segmentName(segment), null, null, null,
                    new Rectangle2D.Double(-6, -6, 12, 12), Palette.segment(segment.segment())));
        }
        return items;
    }

    private static JFreeChart panel(SegmentationResult result, String feature) {
        DefaultBoxAndWhiskerCategoryDataset dataset = new DefaultBoxAndWhiskerCategoryDataset();
        for (SegmentationResult.Segment segment : result.segments()) {
            SegmentationResult.FeatureSummary s = segment.features().get(feature);
            List<Double> beyond = new ArrayList<>(); // stays empty for a segment with no value, which gets no box
            if (s.min() != null && s.min() < s.lowerWhisker()) {
                beyond.add(s.min());
            }
            if (s.max() != null && s.max() > s.upperWhisker()) {
                beyond.add(s.max());
            }
            dataset.add(new BoxAndWhiskerItem(s.mean(), s.median(), s.p25(), s.p75(), s.lowerWhisker(),
                    s.upperWhisker(), s.min(), s.max(), beyond), "members", Integer.toString(segment.segment()));
        }
        BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                // lightened, so that the black median line reads on the darkest segment colours too
                return Palette.translucent(Palette.segment(column), 150);
            }

            @Override
            public Range findRangeBounds(CategoryDataset dataset) {
                // the renderer's own bounds end at the whiskers and would cut off the minimum and maximum
                return ((RangeInfo) dataset).getRangeBounds(true);
            }
        };
        renderer.setMaximumBarWidth(0.8);
        renderer.setWhiskerWidth(0.6);
        renderer.setMeanVisible(false);
        renderer.setUseOutlinePaintForWhiskers(true);
        renderer.setDefaultOutlinePaint(Color.BLACK);
        CategoryAxis segments = new CategoryAxis(null);
        segments.setCategoryMargin(0.15);
        NumberAxis values = new NumberAxis(null);
        values.setAutoRangeIncludesZero(false);
        // JFreeChart draws an outlier's circle just above its value: room for one at the maximum
        values.setUpperMargin(0.1);
        CategoryPlot plot = new CategoryPlot(dataset, segments, values, renderer);
        JFreeChart chart = ChartStyle.chart(null, plot, false);
        chart.addSubtitle(new TextTitle(feature, ChartStyle.LABEL.deriveFont(Font.BOLD)));
        return chart;
    }

    /** The numeric features, in request order: those the segments summarize. */
    private static List<String> numericFeatures(SegmentationResult result) {
        return result.features().stream()
                .filter(feature -> result.segments().getFirst().features().containsKey(feature)).toList();
    }

    private static int cellWidth(SegmentationResult result) {
        return Math.clamp(90 + 2 * BOX_WIDTH * result.segments().size(), MIN_CELL_WIDTH, MAX_CELL_WIDTH);
    }

    private static int gridColumns(int panels, int cellWidth) {
        return Math.clamp(ChartSize.MAX / cellWidth, 1, Math.min(4, panels));
    }

    /** A guess from the names' lengths, for the natural size; the drawing measures the legend itself. */
    private static int legendRows(SegmentationResult result, int width) {
        int total = result.segments().stream()
                .mapToInt(segment -> 30 + 7 * SegmentationCharts.segmentName(segment).length()).sum();
        return 1 + total / Math.max(1, width);
    }
}
