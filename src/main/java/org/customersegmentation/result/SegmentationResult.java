package org.customersegmentation.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.customersegmentation.web.NullableValues;

/**
 * A finished segmentation as callers read it.
 *
 * @param features         the features clustered on, in request order
 * @param droppedCustomers customers left out because they missed a feature (missingValues DROP_ROWS); they have
 *                         no segment, and shares are of the customers segmented
 * @param reportUrl        a link to the HTML report that works without an API key until it expires
 */
public record SegmentationResult(UUID jobId, int k, List<String> features, int droppedCustomers, Metrics metrics,
                                 @Schema(nullable = true) KSelection kSelection,
                                 List<FeaturePreparation> preprocessing, List<Segment> segments,
                                 @Schema(description = "The HTML report of this segmentation, signed so that it opens in "
                                         + "a browser without an API key; it grants reading this report and its charts, "
                                         + "nothing else, and expires (7 days by default)") URI reportUrl) {

    public SegmentationResult withReportUrl(URI url) {
        return new SegmentationResult(jobId, k, features, droppedCustomers, metrics, kSelection, preprocessing, segments,
                url);
    }

    /**
     * How a feature was turned into the clustering space, enough to reproduce it elsewhere. A numeric feature:
     * {@code x' = log1p(x)} when {@code transform} says so, a missing {@code x'} becomes {@code imputed} (a number),
     * and {@code z = (x' - center) / scale}. A categorical feature: a missing value becomes {@code imputed} (its most
     * frequent value), and each value {@code v} of {@code oneHot} gives one column,
     * {@code ((x == v ? 1 : 0) - v.center) / scale}; a value not in {@code oneHot} has every indicator 0. In a
     * point of the clustering space the numeric features come first, then the one-hot columns, each in the order
     * of {@code preprocessing}.
     *
     * @param center null for a categorical feature
     * @param oneHot null for a numeric feature
     */
    @Schema(description = "How a feature was turned into the clustering space. Numeric: x' = log1p(x) when transform "
            + "is log1p; a missing x' becomes imputed; z = (x' - center) / scale. Categorical: a missing value becomes "
            + "imputed; each oneHot value v gives the column ((x == v ? 1 : 0) - v.center) / scale, and a value not "
            + "listed has every indicator 0. A point of the clustering space holds the numeric features first, then "
            + "the one-hot columns, each in the order of this list.")
    public record FeaturePreparation(String feature,
                                     @Schema(description = "log1p, or null", nullable = true) String transform,
                                     @Schema(types = {"number", "string"}, description = "What fills a missing value: "
                                             + "a number, or for a categorical feature its most frequent value")
                                     Object imputed,
                                     @Schema(description = "Numeric features only")
                                     @JsonInclude(JsonInclude.Include.NON_NULL) Double center,
                                     double scale,
                                     @Schema(description = "Categorical features only: its values, most frequent first")
                                     @JsonInclude(JsonInclude.Include.NON_NULL) List<OneHotColumn> oneHot) {
    }

    /** @param center the value's share of the customers, what its indicator is centred on */
    public record OneHotColumn(String value,
                               @Schema(description = "The value's share of the customers, what its indicator is "
                                       + "centred on") double center) {
    }

    /**
     * How k was chosen from a range (null for a fixed k): the table the seeds plot as an elbow curve and a
     * silhouette plot.
     *
     * @param method     SILHOUETTE, ELBOW, DAVIES_BOULDIN or CALINSKI_HARABASZ
     * @param candidates every k tried, by k
     */
    public record KSelection(String method, int chosenK, List<Candidate> candidates) {
    }

    /** @param smallestShare the smallest segment's size as a fraction of all customers */
    public record Candidate(int k, double inertia, @Schema(nullable = true) Double silhouette,
                            @Schema(nullable = true) Double daviesBouldin, @Schema(nullable = true) Double calinskiHarabasz,
                            double smallestShare) {
    }

    /**
     * Measured in the space the clustering ran in (after the request's scaling); an index is null where it is undefined.
     *
     * @param inertia               within-cluster sum of squared distances (lower is tighter)
     * @param silhouette            mean silhouette coefficient, -1 to 1 (higher is better)
     * @param silhouetteSampleSize  customers the silhouette was computed over: all up to 10,000, else a seeded
     *                              uniform sample of 10,000
     * @param daviesBouldin         Davies-Bouldin index (lower is better)
     * @param calinskiHarabasz      Calinski-Harabasz index (higher is better)
     */
    public record Metrics(double inertia, @Schema(nullable = true) Double silhouette,
                          @Schema(nullable = true) Integer silhouetteSampleSize, @Schema(nullable = true) Double daviesBouldin,
                          @Schema(nullable = true) Double calinskiHarabasz) {
    }

    /**
     * @param segment        0..k-1, numbered by size, largest first
     * @param label          a name from the strongest distinguishing features, unique within the result
     * @param share          size as a fraction of all customers
     * @param distinguishing strongest first, the numeric features whose members' mean is at least half a standard
     *                       deviation from all customers' mean, and the categorical values, as
     *                       {@code feature=value}, whose share exceeds their share among all customers by at least
     *                       half the standard deviation of their 0/1 indicator
     * @param zScores        numeric feature to how many (population) standard deviations the members' mean lies
     *                       from all customers' mean
     * @param centroid       numeric feature to the segment centre's value, in original units
     * @param features       numeric feature to the members' summary, in original units
     * @param categories     categorical feature to each of its values' share among the members and lift
     */
    public record Segment(int segment, String label, int size, double share, List<String> distinguishing,
                          @NullableValues Map<String, Double> zScores, Map<String, Double> centroid, Map<String, FeatureSummary> features,
                          Map<String, Map<String, CategoryShare>> categories) {
    }

    /**
     * Over the members that have a value for the feature (both null when none has).
     *
     * @param share the fraction of them that have this value
     * @param lift  the share divided by the value's share among all customers: above 1, over-represented
     */
    @Schema(description = "Over the segment's members that have a value for the feature; both null when none has")
    public record CategoryShare(@Schema(description = "The fraction of them that have this value", nullable = true)
                                Double share,
                                @Schema(description = "share divided by the value's share among all customers; above 1, "
                                        + "over-represented", nullable = true) Double lift) {
    }

    /**
     * Over the members that have a value (null when none has); std is the sample standard deviation. The
     * quartiles interpolate linearly between order statistics, as the dataset profile's percentiles do; the
     * whiskers are Tukey's: the lowest and highest member value within 1.5 IQR of the quartiles. Quartiles and
     * whiskers are null too in results stored before the service computed them.
     */
    @Schema(description = "Over the segment's members that have a value for the feature; every statistic is null "
            + "when none has. std is the sample standard deviation. p25 and p75 interpolate linearly between order "
            + "statistics, as the dataset profile's percentiles do. lowerWhisker and upperWhisker are Tukey's: the "
            + "lowest and highest member value within 1.5 IQR (p75 - p25) of the quartiles. p25, p75 and the whiskers "
            + "are also null in results stored before the service computed them; run the segmentation again to get "
            + "them.")
    public record FeatureSummary(@Schema(nullable = true) Double mean, @Schema(nullable = true) Double std,
                                 @Schema(nullable = true) Double min,
                                 @Schema(description = "25th percentile", nullable = true) Double p25,
                                 @Schema(nullable = true) Double median,
                                 @Schema(description = "75th percentile", nullable = true) Double p75,
                                 @Schema(nullable = true) Double max,
                                 @Schema(description = "The lowest value at or above p25 - 1.5 IQR", nullable = true)
                                 Double lowerWhisker,
                                 @Schema(description = "The highest value at or below p75 + 1.5 IQR", nullable = true)
                                 Double upperWhisker) {
    }
}
