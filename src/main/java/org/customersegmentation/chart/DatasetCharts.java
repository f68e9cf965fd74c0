package org.customersegmentation.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Map;
import org.customersegmentation.common.ConflictException;
import org.customersegmentation.dataset.DatasetProfile;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.DefaultIntervalXYDataset;

/** Pictures of a dataset's profile: how each numeric column is distributed, and how they correlate. */
final class DatasetCharts {

    private static final int CELL_WIDTH = 300;
    private static final int CELL_HEIGHT = 220;
    private static final int HEADER = 50;

    private DatasetCharts() {
    }

    private static List<DatasetProfile.ColumnProfile> numericColumns(DatasetProfile profile) {
        return profile.columns().stream().filter(column -> column.numeric() != null).toList();
    }

    private static int gridColumns(int charts) {
        return Math.min(4, Math.max(1, charts));
    }

    /** The natural size of the grid: four histograms a row. */
    static ChartSize histogramsSize(DatasetProfile profile) {
        int charts = Math.max(1, numericColumns(profile).size());
        int columns = gridColumns(charts);
        int rows = (charts + columns - 1) / columns;
        return new ChartSize(columns * CELL_WIDTH, HEADER + rows * CELL_HEIGHT);
    }

    /** Small multiples: one histogram per numeric column, four a row, under one title. */
    static Drawing histograms(String datasetName, DatasetProfile profile, ChartSize size) {
        List<DatasetProfile.ColumnProfile> columns = requireNumeric(profile);
        int gridColumns = gridColumns(columns.size());
        int gridRows = (columns.size() + gridColumns - 1) / gridColumns;
        return new Drawing(size.width(), size.height(), graphics -> {
            String title = "Distribution of each numeric column: " + datasetName;
            graphics.setColor(Color.BLACK);
            graphics.setFont(ChartStyle.TITLE);
            FontMetrics metrics = graphics.getFontMetrics();
            graphics.drawString(title, (size.width() - metrics.stringWidth(title)) / 2f, 24);
            graphics.setFont(ChartStyle.SUBTITLE);
            String subtitle = profile.rowCount() + " customers; bars count customers in 20 equal-width bins";
            graphics.drawString(subtitle, (size.width() - graphics.getFontMetrics().stringWidth(subtitle)) / 2f, 42);
            double cellWidth = (double) size.width() / gridColumns;
            double cellHeight = (double) (size.height() - HEADER) / gridRows;
            for (int i = 0; i < columns.size(); i++) {
                Rectangle2D cell = new Rectangle2D.Double(i % gridColumns * cellWidth, HEADER + i / gridColumns * cellHeight,
                        cellWidth, cellHeight);
                histogram(columns.get(i)).draw(graphics, cell);
            }
        });
    }

    private static JFreeChart histogram(DatasetProfile.ColumnProfile column) {
        DatasetProfile.Histogram histogram = column.numeric().histogram();
        int bins = histogram.counts().length;
        double[][] series = new double[6][bins];
        for (int b = 0; b < bins; b++) {
            series[0][b] = (histogram.edges()[b] + histogram.edges()[b + 1]) / 2;
            series[1][b] = histogram.edges()[b];
            series[2][b] = histogram.edges()[b + 1];
            series[3][b] = histogram.counts()[b];
            series[4][b] = 0;
            series[5][b] = histogram.counts()[b];
        }
        DefaultIntervalXYDataset dataset = new DefaultIntervalXYDataset();
        dataset.addSeries(column.name(), series);
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setSeriesPaint(0, Palette.BARS);
        renderer.setSeriesOutlinePaint(0, Color.WHITE);
        NumberAxis x = new NumberAxis(column.name());
        x.setAutoRangeIncludesZero(false);
        x.setRange(histogram.edges()[0], histogram.edges()[bins]);
        NumberAxis y = new NumberAxis("customers");
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        JFreeChart chart = ChartStyle.chart(null, plot, false);
        String missing = column.missing() == 0 ? "" : " · " + column.missing() + " missing";
        chart.addSubtitle(new TextTitle(column.name() + missing,
                ChartStyle.LABEL.deriveFont(Font.BOLD)));
        return chart;
    }

    static ChartSize correlationsSize(DatasetProfile profile) {
        int columns = profile.correlation() == null ? 0 : profile.correlation().columns().size();
        int side = Math.max(500, Math.min(2400, 220 + 46 * columns));
        return new ChartSize(side + 90, side);
    }

    /** Pearson correlations of the numeric columns, each cell coloured and with its value. */
    static Drawing correlations(String datasetName, DatasetProfile profile, ChartSize size) {
        DatasetProfile.Correlation correlation = profile.correlation();
        if (correlation == null || correlation.columns().size() < 2) {
            throw new ConflictException("Nothing to correlate",
                    "A correlation heatmap needs at least two numeric columns; this dataset has "
                            + (correlation == null ? 0 : correlation.columns().size()) + ".", Map.of());
        }
        int n = correlation.columns().size();
        double[][] values = new double[n][n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                Double value = correlation.matrix()[r][c];
                values[r][c] = value == null ? Double.NaN : value;
            }
        }
        JFreeChart chart = new Heatmap("Correlations between numeric columns: " + datasetName,
                "Pearson's r over the customers that have both values; – where a column is constant",
                correlation.columns(), correlation.columns(), values, 1, "Pearson's r", "%.2f").chart();
        return Drawing.of(chart, size);
    }

    private static List<DatasetProfile.ColumnProfile> requireNumeric(DatasetProfile profile) {
        List<DatasetProfile.ColumnProfile> columns = numericColumns(profile);
        if (columns.isEmpty()) {
            throw new ConflictException("Nothing to draw", "This dataset has no numeric column with values.",
                    Map.of());
        }
        return columns;
    }
}
