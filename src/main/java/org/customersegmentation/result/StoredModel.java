package org.customersegmentation.result;

import java.util.List;
import org.customersegmentation.engine.OneHotEncoding;
import org.customersegmentation.engine.SegmentModel;

/**
 * A job's fitted model as this module keeps it (the {@code model} JSON column), independent of the engine's own
 * record so that the engine can change without rewriting what is stored.
 */
record StoredModel(List<String> features, boolean[] logged, double[] imputed, double[] centers, double[] scales,
                   double[][] centroids, List<Encoding> oneHot) {

    /** One categorical feature's one-hot encoding, as {@link OneHotEncoding} describes it. */
    record Encoding(String feature, List<String> values, double[] centers, double scale, String imputed) {
    }

    static StoredModel of(SegmentModel model) {
        return new StoredModel(model.features(), model.logged(), model.imputed(), model.centers(), model.scales(),
                model.centroids(), model.oneHot().stream().map(encoding -> new Encoding(encoding.feature(),
                        encoding.values(), encoding.centers(), encoding.scale(), encoding.imputed())).toList());
    }

    SegmentModel toModel() {
        return new SegmentModel(features, logged, imputed, centers, scales, centroids, oneHot.stream()
                .map(encoding -> new OneHotEncoding(encoding.feature(), encoding.values(), encoding.centers(),
                        encoding.scale(), encoding.imputed())).toList());
    }
}
