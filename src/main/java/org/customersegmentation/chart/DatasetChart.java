package org.customersegmentation.chart;

import java.util.Arrays;
import org.customersegmentation.common.NotFoundException;

/** The charts of a dataset, by the name in their URL. */
public enum DatasetChart {
    HISTOGRAMS("histograms"), CORRELATIONS("correlations");

    private final String path;

    DatasetChart(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    static DatasetChart of(String path) {
        return Arrays.stream(values()).filter(chart -> chart.path.equals(path)).findFirst()
                .orElseThrow(() -> new NotFoundException("chart", path));
    }
}
