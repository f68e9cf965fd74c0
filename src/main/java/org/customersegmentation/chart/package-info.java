/** Charts of datasets and segmentations, as SVG or PNG. */
@ApplicationModule(displayName = "Charts",
        allowedDependencies = {"common", "web", "security", "dataset", "segmentation", "result", "engine", "overtime :: drift"})
package org.customersegmentation.chart;

import org.springframework.modulith.ApplicationModule;
