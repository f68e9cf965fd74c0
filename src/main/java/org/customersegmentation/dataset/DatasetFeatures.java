package org.customersegmentation.dataset;

import org.customersegmentation.engine.FeatureMatrix;

/** Features of every customer of a dataset, in upload order, with the customers' IDs in the same order. */
public record DatasetFeatures(String[] customerIds, FeatureMatrix matrix) {
}
