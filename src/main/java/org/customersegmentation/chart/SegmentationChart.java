package org.customersegmentation.chart;

import java.util.Arrays;
import org.customersegmentation.common.NotFoundException;

/** The charts of a segmentation, by the name in their URL. */
public enum SegmentationChart {
    K_SELECTION("k-selection"), SCATTER("scatter"), PROFILES("profiles"), SIZES("sizes"), BOXPLOTS("boxplots");

    private final String path;

    SegmentationChart(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    static SegmentationChart of(String path) {
        return Arrays.stream(values()).filter(chart -> chart.path.equals(path)).findFirst()
                .orElseThrow(() -> new NotFoundException("chart", path));
    }
}
