package org.customersegmentation.segmentation;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.UUID;
import org.customersegmentation.engine.Fitting;
import org.customersegmentation.engine.KSelection;
import org.customersegmentation.engine.Preprocessing;

record SegmentationRequest(
        @NotNull UUID datasetId,
        @Schema(description = "A fixed number of segments, at least 2 and at most the number of customers (and "
                + RequestChecks.MAX_K + "). Send k or kRange, not both; with neither, k is chosen from 2..10")
        Integer k,
        @Schema(description = "Try every k in this range and keep the one kSelection prefers; default 2..10 (up to "
                + "the number of customers) when k is not given")
        @Valid KRange kRange,
        @Schema(description = "How k is chosen from kRange: SILHOUETTE (highest mean silhouette), ELBOW (knee of the "
                + "inertia curve, by Kneedle), DAVIES_BOULDIN (lowest), CALINSKI_HARABASZ (highest). Default SILHOUETTE")
        KSelection kSelection,
        @Schema(description = "NUMERIC and CATEGORICAL columns to cluster on, never TEXT ones; default: every NUMERIC "
                + "and CATEGORICAL column but the customer ID. A categorical feature is one-hot encoded, its columns "
                + "scaled so that together they weigh as much as one numeric feature")
        List<String> features,
        @Schema(description = "How features are put on a common scale: STANDARD ((x - mean) / standard deviation), "
                + "MINMAX (into 0..1), ROBUST ((x - median) / interquartile range) or NONE. Default STANDARD")
        Preprocessing.Scaling scaling,
        @Schema(description = "Features to replace by log1p(x) before imputing and scaling, e.g. skewed money "
                + "columns; each must be a NUMERIC feature without negative values. Default none")
        List<String> logTransform,
        @Schema(description = "What fills a missing value: MEDIAN or MEAN of the feature's present values (for a "
                + "categorical feature, either way its most frequent value); or DROP_ROWS, "
                + "which leaves customers missing any feature out (they get no segment; the result counts them). "
                + "Default MEDIAN")
        Preprocessing.Imputation missingValues,
        @Schema(description = "Makes the run reproducible; default: a random seed, recorded in the job")
        Long seed,
        @Schema(description = "k-means++ starts to try; the one with the lowest inertia wins. Default "
                + RequestChecks.DEFAULT_RESTARTS)
        @Min(1) @Max(100) Integer restarts,
        @Schema(description = "Lloyd iterations at most per k-means start, 1 to 1000. Default "
                + Fitting.DEFAULT_MAX_ITERATIONS)
        @Min(1) @Max(1000) Integer maxIterations,
        @Schema(description = "A start stops once its inertia improves by less than this fraction, above 0 and below 1. "
                + "Default 0.0001")
        @Positive @DecimalMax(value = "1", inclusive = false) Double tolerance,
        @Schema(description = "Where to POST the job (as GET /segmentations/{id} shows it) once it has SUCCEEDED, FAILED "
                + "or been CANCELLED, signed with your tenant's callback secret: X-Signature: sha256=<hex HMAC-SHA256 of "
                + "'<X-Signature-Timestamp>.<body>'>. Retried with exponential backoff for up to an hour until it answers "
                + "2xx. Must be https, except hosts the operator allow-lists; private, loopback and link-local "
                + "addresses are refused unless allow-listed.", example = "https://crm.example.com/hooks/segmentation")
        String callbackUrl) {
}
