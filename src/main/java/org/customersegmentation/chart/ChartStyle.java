package org.customersegmentation.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;

/** One look for every chart: white background, light grid, sans-serif text sized for a page or a slide. */
final class ChartStyle {

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private ChartStyle() {
    }

    static JFreeChart chart(String title, Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(Palette.GRID);
            xy.setRangeGridlinePaint(Palette.GRID);
            xy.setDomainGridlineStroke(new BasicStroke(1f));
            xy.setRangeGridlineStroke(new BasicStroke(1f));
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                style(xy.getRangeAxis(i));
            }
            style(xy.getDomainAxis());
        } else if (plot instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(Palette.GRID);
            category.setRangeGridlineStroke(new BasicStroke(1f));
            style(category.getDomainAxis());
            style(category.getRangeAxis());
        }
        LegendTitle legendTitle = chart.getLegend();
        if (legendTitle != null) {
            legendTitle.setItemFont(LABEL);
            legendTitle.setFrame(BlockBorder.NONE);
        }
        return chart;
    }

    static void subtitle(JFreeChart chart, String text) {
        TextTitle subtitle = new TextTitle(text, SUBTITLE);
        subtitle.setPaint(Color.DARK_GRAY);
        chart.addSubtitle(subtitle);
    }

    private static void style(Axis axis) {
        if (axis != null) {
            axis.setLabelFont(LABEL);
            axis.setTickLabelFont(TICK);
        }
    }
}
