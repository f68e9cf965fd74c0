/** The self-contained HTML report of a segmentation, opened through a signed link. */
@ApplicationModule(displayName = "Report",
        allowedDependencies = {"common", "web", "security", "dataset", "segmentation", "result", "chart"})
package org.customersegmentation.report;

import org.springframework.modulith.ApplicationModule;
