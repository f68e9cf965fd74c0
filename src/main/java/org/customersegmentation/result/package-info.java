/** The stored outcome of each succeeded job: segments, quality, k selection, the model and every assignment. */
@ApplicationModule(displayName = "Results",
        allowedDependencies = {"common", "web", "security", "postgres", "dataset", "segmentation", "engine"})
package org.customersegmentation.result;

import org.springframework.modulith.ApplicationModule;
