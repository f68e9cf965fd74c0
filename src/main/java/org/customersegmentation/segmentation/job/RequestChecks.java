package org.customersegmentation.segmentation.job;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.customersegmentation.common.InvalidInputException;
import org.customersegmentation.dataset.ColumnType;
import org.customersegmentation.dataset.DatasetSchema;
import org.customersegmentation.engine.Fitting;
import org.customersegmentation.engine.KSelectionMethod;
import org.customersegmentation.engine.Preprocessing;

/** A segmentation request checked against its dataset, with every default filled in; 400s say what to change. */
final class RequestChecks {

    static final int MAX_K = 100;
    static final String MAX_K_TEXT = "" + MAX_K;
    static final int MAX_URL_LENGTH = 2048;
    /** Columns of the clustering space at most: numeric features plus every categorical value. */
    static final int MAX_DIMENSIONS = 1_000;
    static final int DEFAULT_RESTARTS = 10;
    static final KRange DEFAULT_K_RANGE = new KRange(2, 10);
    private static final String TITLE = "Invalid segmentation request";

    private RequestChecks() {
    }

    /**
     * @param randomSeed  the seed when the request names none
     * @param callbackUrl the request's callbackUrl, checked
     */
    static EffectiveRequest effective(SegmentationRequest request, DatasetSchema dataset, long randomSeed, URI callbackUrl) {
        return effective(request, dataset, randomSeed, callbackUrl, null);
    }

    /** As above, for a request that refreshes {@code refreshOf} (null for none); the request is already merged. */
    static EffectiveRequest effective(SegmentationRequest request, DatasetSchema dataset, long randomSeed, URI callbackUrl,
                                      UUID refreshOf) {
        List<String> features = checkedDimensions(checkedFeatures(request.features(), dataset), dataset);
        return checkedK(request, dataset).with(dataset.id(), callbackUrl, refreshOf, features,
                request.scaling() != null ? request.scaling() : Preprocessing.Scaling.STANDARD,
                checkedLogTransform(request.logTransform(), features, dataset),
                request.missingValues() != null ? request.missingValues() : Preprocessing.Imputation.MEDIAN,
                request.seed() != null ? request.seed() : randomSeed,
                request.restarts() != null ? request.restarts() : DEFAULT_RESTARTS,
                request.maxIterations() != null ? request.maxIterations() : Fitting.DEFAULT_MAX_ITERATIONS,
                request.tolerance() != null ? request.tolerance() : Fitting.DEFAULT_TOLERANCE, request.stability(),
                request.minSegmentShare());
    }

    /** Columns of the clustering space: one per numeric feature, one per value of a categorical one (one-hot). */
    static int dimensions(List<String> features, DatasetSchema dataset) {
        int dimensions = 0;
        for (String feature : features) {
            DatasetSchema.Column column = dataset.columns().get(feature);
            dimensions += column.type() == ColumnType.CATEGORICAL && column.distinct() != null ? column.distinct() : 1;
        }
        return dimensions;
    }

    /** A fixed k, or a range and how to choose from it, checked against the dataset's size. */
    private record KChoice(Integer k, KRange range, KSelectionMethod selection) {
        EffectiveRequest with(UUID datasetId, URI callbackUrl, UUID refreshOf, List<String> features, Preprocessing.Scaling scaling,
                              List<String> logTransform, Preprocessing.Imputation missingValues, long seed, int restarts,
                              int maxIterations, double tolerance, StabilityOption stability,
                              Double minSegmentShare) {
            return new EffectiveRequest(datasetId, k, range, selection, features, scaling, logTransform, missingValues,
                    seed, restarts, maxIterations, tolerance, callbackUrl, stability, minSegmentShare, refreshOf);
        }
    }

    /** Features to log-transform: each a chosen feature, named once, without negative values. */
    private static List<String> checkedLogTransform(List<String> requested, List<String> features, DatasetSchema dataset) {
        if (requested == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        for (String feature : requested) {
            if (!features.contains(feature)) {
                throw new InvalidInputException(TITLE, "logTransform names '" + feature + "', which is not one of the "
                        + "features " + features + ".", Map.of("parameter", "logTransform"));
            }
            if (!seen.add(feature)) {
                throw new InvalidInputException(TITLE, "logTransform names '" + feature + "' twice.",
                        Map.of("parameter", "logTransform"));
            }
            DatasetSchema.Column column = dataset.columns().get(feature);
            if (column.type() != ColumnType.NUMERIC) {
                throw new InvalidInputException(TITLE, "Feature '" + feature + "' is " + column.type() + "; logTransform "
                        + "(log1p) applies to NUMERIC features only.", Map.of("parameter", "logTransform"));
            }
            Double min = column.min();
            if (min != null && min < 0) {
                throw new InvalidInputException(TITLE, "Feature '" + feature + "' has negative values (its minimum is "
                        + min + "); logTransform (log1p) needs values of 0 or more.", Map.of("parameter", "logTransform"));
            }
        }
        return List.copyOf(requested);
    }

    private static KChoice checkedK(SegmentationRequest request, DatasetSchema dataset) {
        int max = Math.min(MAX_K, dataset.rowCount());
        if (request.k() != null) {
            if (request.kRange() != null) {
                throw new InvalidInputException(TITLE, "Send either k (a fixed number of segments) or kRange (the "
                        + "numbers to choose from), not both.", Map.of("parameter", "kRange"));
            }
            if (request.kSelection() != null) {
                throw new InvalidInputException(TITLE, "kSelection chooses k from a kRange; with a fixed k, leave "
                        + "it out.", Map.of("parameter", "kSelection"));
            }
            if (request.minSegmentShare() != null) {
                throw new InvalidInputException(TITLE, "minSegmentShare rules out candidates of a kRange; with a fixed "
                        + "k there is nothing to choose, so leave it out (or send a kRange instead of k).",
                        Map.of("parameter", "minSegmentShare"));
            }
            int k = request.k();
            if (k < 2 || k > max) {
                throw new InvalidInputException(TITLE, "k must be between 2 and " + max + " (the dataset has "
                        + dataset.rowCount() + " customers), not " + k + ".", Map.of("parameter", "k"));
            }
            return new KChoice(k, null, null);
        }
        KSelectionMethod selection = request.kSelection() != null ? request.kSelection() : KSelectionMethod.SILHOUETTE;
        KRange range = request.kRange() != null ? request.kRange()
                : new KRange(DEFAULT_K_RANGE.min(), Math.max(DEFAULT_K_RANGE.min(), Math.min(DEFAULT_K_RANGE.max(), max)));
        if (range.min() < 2 || range.max() < range.min()) {
            throw new InvalidInputException(TITLE, "kRange must have 2 <= min <= max, not " + range.min() + ".."
                    + range.max() + ".", Map.of("parameter", "kRange"));
        }
        if (range.max() > max) {
            throw new InvalidInputException(TITLE, "kRange.max (" + range.max() + ") is larger than " + max
                    + (dataset.rowCount() <= MAX_K ? ", the number of customers in the dataset." : ", the largest k.")
                    + " Lower kRange.max.", Map.of("parameter", "kRange"));
        }
        if (selection == KSelectionMethod.ELBOW && range.max() - range.min() < 2) {
            throw new InvalidInputException(TITLE, "ELBOW needs an inertia curve of at least three values of k; "
                    + "widen kRange or choose another kSelection.", Map.of("parameter", "kRange"));
        }
        return new KChoice(null, range, selection);
    }

    private static List<String> checkedFeatures(List<String> requested, DatasetSchema dataset) {
        if (requested == null || requested.isEmpty()) { // generated clients send [] for a list left unset
            List<String> clusterable = dataset.clusterableColumns();
            if (clusterable.isEmpty()) {
                throw new InvalidInputException(TITLE, "The dataset has no NUMERIC or CATEGORICAL column with values to "
                        + "cluster on.");
            }
            return clusterable;
        }
        Set<String> seen = new HashSet<>();
        for (String feature : requested) {
            DatasetSchema.Column column = dataset.columns().get(feature);
            if (column == null) {
                throw new InvalidInputException(TITLE, "Feature '" + feature + "' is not a column of the dataset.",
                        Map.of("feature", String.valueOf(feature)));
            }
            if (column.type() == ColumnType.TEXT) {
                throw new InvalidInputException(TITLE, "Feature '" + feature + "' is TEXT (it has more distinct values "
                        + "than the upload's maxCategories); only NUMERIC and CATEGORICAL columns can be features. Leave it "
                        + "out, or upload the dataset again with a higher maxCategories.", Map.of("feature", feature));
            }
            if (column.missing() == dataset.rowCount()) {
                throw new InvalidInputException(TITLE, "Feature '" + feature + "' has no values: every customer is "
                        + "missing it.", Map.of("feature", feature));
            }
            if (!seen.add(feature)) {
                throw new InvalidInputException(TITLE, "Feature '" + feature + "' is named twice.", Map.of("feature", feature));
            }
        }
        return List.copyOf(requested);
    }

    /** Features whose one-hot encoding keeps the clustering space within {@link #MAX_DIMENSIONS} columns. */
    private static List<String> checkedDimensions(List<String> features, DatasetSchema dataset) {
        int dimensions = dimensions(features, dataset);
        if (dimensions > MAX_DIMENSIONS) {
            throw new InvalidInputException(TITLE, "One-hot encoded, the features span " + dimensions + " columns; at "
                    + "most " + MAX_DIMENSIONS + " can be clustered. Leave out categorical features with many values.",
                    Map.of("parameter", "features"));
        }
        return features;
    }
}
