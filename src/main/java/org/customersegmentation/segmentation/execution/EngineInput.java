package org.customersegmentation.segmentation.execution;

import java.util.List;
import org.customersegmentation.dataset.CustomerFeatures;
import org.customersegmentation.engine.CategoricalColumn;
import org.customersegmentation.engine.FeatureMatrix;

/** Turns a dataset's columns into what the engine reads. */
final class EngineInput {

    private EngineInput() {
    }

    static FeatureMatrix of(CustomerFeatures features) {
        // both mark a missing category with code -1, so the codes pass through as they are
        List<CategoricalColumn> categoricals = features.categoricals().stream()
                .map(column -> new CategoricalColumn(column.name(), column.dictionary(), column.codes()))
                .toList();
        return new FeatureMatrix(features.numeric(), features.values(), categoricals);
    }
}
