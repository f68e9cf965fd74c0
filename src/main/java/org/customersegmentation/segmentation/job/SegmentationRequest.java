package org.customersegmentation.segmentation.job;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.customersegmentation.dataset.DatasetSchema;
import org.customersegmentation.engine.ClusterQuality;
import org.customersegmentation.engine.Fitting;
import org.customersegmentation.engine.KSelectionMethod;
import org.customersegmentation.engine.Preprocessing;

public record SegmentationRequest(
        @Schema(description = "The ID of the dataset to segment, as POST /api/v1/datasets answered it")
        @NotNull UUID datasetId,
        @Schema(description = "Re-segment datasetId (a newer snapshot) as this earlier SUCCEEDED segmentation of yours "
                + "was run: its features, scaling, logTransform, missingValues, k or kRange, kSelection, restarts, "
                + "maxIterations and tolerance, except the fields given here (an empty list counts as not given); the "
                + "seed is new unless given. The new dataset needs the earlier features with the same types. Its "
                + "segments are matched to the earlier ones and keep their keys, names, descriptions and tags; the "
                + "result's lineage says which segment continues which", nullable = true)
        UUID refreshOf,
        @Schema(description = "A fixed number of segments, at least 2 and at most the number of customers (and "
                + RequestChecks.MAX_K + "). Send k or kRange, not both; with neither, k is chosen from 2..10",
                minimum = "2", maximum = RequestChecks.MAX_K_TEXT)
        Integer k,
        @Schema(description = "Try every k in this range and keep the one kSelection prefers; default 2..10 (up to "
                + "the number of customers) when k is not given")
        @Valid KRange kRange,
        @Schema(description = "How k is chosen from kRange, by the candidates' quality in the scaled feature space; "
                + "ties go to the smaller k. SILHOUETTE: the highest mean silhouette coefficient (-1..1, how much "
                + "closer customers are to their own segment than to the nearest other one; over a seeded sample of "
                + ClusterQuality.SILHOUETTE_SAMPLE + " customers in larger datasets). ELBOW: the knee of the inertia "
                + "curve (within-segment sum of squared distances against k) by the Kneedle method: with both axes "
                + "normalized to 0..1, the k where the curve lies farthest below the straight line joining its ends; "
                + "needs a kRange of at least three values. DAVIES_BOULDIN: the lowest Davies-Bouldin index (the mean "
                + "over segments of the worst ratio of spread to separation from another segment). CALINSKI_HARABASZ: "
                + "the highest Calinski-Harabasz index (between-segment over within-segment dispersion, each per "
                + "degree of freedom). Default SILHOUETTE; leave it out with a fixed k")
        KSelectionMethod kSelection,
        @Schema(description = "NUMERIC and CATEGORICAL columns to cluster on, never TEXT ones; default: every NUMERIC "
                + "and CATEGORICAL column but the customer ID (an empty list means the same). A categorical feature is "
                + "one-hot encoded, its columns scaled so that together they weigh as much as one numeric feature")
        @ArraySchema(maxItems = RequestChecks.MAX_DIMENSIONS,
                schema = @Schema(maxLength = DatasetSchema.MAX_COLUMN_NAME_LENGTH))
        List<String> features,
        @Schema(description = "How each numeric feature is put on a common scale, after logTransform and filling "
                + "missing values, with statistics over the customers segmented. STANDARD: subtract the mean, divide "
                + "by the (population) standard deviation. MINMAX: subtract the minimum, divide by max - min, into "
                + "0..1. ROBUST: subtract the median, divide by the interquartile range (75th minus 25th percentile), "
                + "so outliers pull less. NONE: the values as they are, so features in large units (such as income) "
                + "dominate the distances. A feature with no spread is only centred. Default STANDARD")
        Preprocessing.Scaling scaling,
        @Schema(description = "Features to replace by log1p(x) before imputing and scaling, e.g. skewed money "
                + "columns; each must be a NUMERIC feature without negative values. Default none (an empty list)")
        @ArraySchema(maxItems = RequestChecks.MAX_DIMENSIONS,
                schema = @Schema(maxLength = DatasetSchema.MAX_COLUMN_NAME_LENGTH))
        List<String> logTransform,
        @Schema(description = "What fills a missing value. MEDIAN: the median of the numeric feature over the "
                + "customers that have a value (after logTransform, when it names the feature). MEAN: their mean. "
                + "With either, a categorical feature takes its most frequent value. DROP_ROWS: nothing is filled; "
                + "customers missing any of the features are left out (they get no segment; the result's "
                + "droppedCustomers counts them), and predict fills a missing value with the median, or most frequent "
                + "value, of the customers kept. Default MEDIAN")
        Preprocessing.Imputation missingValues,
        @Schema(description = "Makes the run reproducible; default: a random seed, recorded in the job",
                minimum = "-9223372036854775808", maximum = "9223372036854775807")
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
                + "addresses are refused unless allow-listed.", example = "https://crm.example.com/hooks/segmentation",
                format = "uri", maxLength = RequestChecks.MAX_URL_LENGTH)
        @Size(max = RequestChecks.MAX_URL_LENGTH) String callbackUrl,
        @Schema(description = "Score each segment's stability by reclustering resamples of the customers; off when "
                + "left out", nullable = true)
        @Valid StabilityOption stability,
        @Schema(description = "With a kRange: a k whose smallest segment holds less than this share of the customers "
                + "cannot be chosen (kSelection.candidates marks it excluded, with the reason); above 0 and at most "
                + "0.5, e.g. 0.02. When every k of the range is excluded, the job FAILS. Not with a fixed k",
                example = "0.02", exclusiveMinimum = true, minimum = "0", maximum = "0.5")
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("0.5") Double minSegmentShare) {
}
