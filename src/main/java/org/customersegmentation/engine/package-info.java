/**
 * The analysis: preprocessing, k-means (Smile), quality indices and segment profiles. Plain Java, with no Spring,
 * database or other module; {@link org.customersegmentation.engine.SegmentationEngine} is its one entry point, and
 * the records beside it are what goes in and comes out. Internals live in {@code preprocessing}, {@code kmeans} and
 * {@code profile}.
 */
@ApplicationModule(displayName = "Engine", allowedDependencies = {})
package org.customersegmentation.engine;

import org.springframework.modulith.ApplicationModule;
