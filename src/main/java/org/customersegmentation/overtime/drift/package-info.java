/**
 * Whether a newer snapshot of the customers has drifted from the data a segmentation was trained on: the population
 * stability index of every feature and of the segment shares, and a verdict. {@link DriftCheck} and the report it
 * answers are what other modules (the drift chart) use.
 */
@NamedInterface("drift")
package org.customersegmentation.overtime.drift;

import org.springframework.modulith.NamedInterface;
