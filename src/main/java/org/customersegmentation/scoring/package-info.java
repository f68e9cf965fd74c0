/** Places new customers in the segments of a succeeded job, from a cache of fitted models. */
@ApplicationModule(displayName = "Scoring",
        allowedDependencies = {"common", "web", "security", "dataset", "segmentation", "result", "engine"})
package org.customersegmentation.scoring;

import org.springframework.modulith.ApplicationModule;
