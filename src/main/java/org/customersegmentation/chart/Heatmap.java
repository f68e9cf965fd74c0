package org.customersegmentation.chart;

import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A grid of signed values coloured on a diverging scale, each cell with its value written in it.
 *
 * @param values rows x columns; NaN where undefined (grey, "–")
 * @param limit  where the colour saturates, on both sides of zero
 */
record Heatmap(String title, String subtitle, List<String> rows, List<String> columns, double[][] values, double limit,
               String scaleLabel, String valueFormat) {

    JFreeChart chart() {
        int cells = rows.size() * columns.size();
        double[][] xyz = new double[3][cells];
        XYPlot plot = new XYPlot();
        PaintScale scale = Palette.diverging(limit);
        float fontSize = (float) Math.max(7, Math.min(12, 220.0 / Math.max(rows.size(), columns.size())));
        Font cellFont = ChartStyle.TICK.deriveFont(fontSize);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                int i = r * columns.size() + c;
                double value = values[r][c];
                xyz[0][i] = c;
                xyz[1][i] = r;
                xyz[2][i] = value;
                XYTextAnnotation text = new XYTextAnnotation(Double.isNaN(value) ? "–"
                        : String.format(Locale.ROOT, valueFormat, value), c, r);
                text.setFont(cellFont);
                text.setPaint(Palette.textOn(Palette.divergingColor(value, limit)));
                plot.addAnnotation(text);
            }
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries(title, xyz);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        SymbolAxis xAxis = new SymbolAxis(null, columns.toArray(String[]::new));
        xAxis.setVerticalTickLabels(columns.stream().mapToInt(String::length).max().orElse(0) > 6);
        xAxis.setGridBandsVisible(false);
        SymbolAxis yAxis = new SymbolAxis(null, rows.toArray(String[]::new));
        yAxis.setGridBandsVisible(false);
        yAxis.setInverted(true);
        plot.setDataset(dataset);
        plot.setRenderer(renderer);
        plot.setDomainAxis(xAxis);
        plot.setRangeAxis(yAxis);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = ChartStyle.chart(title, plot, false);
        ChartStyle.subtitle(chart, subtitle);
        NumberAxis scaleAxis = new NumberAxis(scaleLabel);
        scaleAxis.setRange(-limit, limit);
        scaleAxis.setTickUnit(new NumberTickUnit(limit / 4));
        scaleAxis.setLabelFont(ChartStyle.LABEL);
        scaleAxis.setTickLabelFont(ChartStyle.TICK);
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(10, 10, 10, 10));
        legend.setStripWidth(14);
        legend.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(legend);
        return chart;
    }
}
