/**
 * Segmentations compared over time: who moved between two of them, and whether a newer snapshot of the customers
 * has drifted from the data a segmentation was trained on.
 */
@ApplicationModule(displayName = "Segments over time",
        allowedDependencies = {"common", "web", "security", "postgres", "dataset", "segmentation", "result", "engine"})
package org.customersegmentation.overtime;

import org.springframework.modulith.ApplicationModule;
