package org.customersegmentation.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.customersegmentation.engine.SegmentProfile;
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
                                 @Schema(nullable = true, description = "Which earlier segments this refresh's "
                                         + "continue; null for a segmentation that is not a refresh") Lineage lineage,
                                 @Schema(description = "The HTML report of this segmentation, signed so that it opens in "
                                         + "a browser without an API key; it grants reading this report and its charts, "
                                         + "nothing else, and expires (7 days by default)") URI reportUrl) {

    public SegmentationResult withReportUrl(URI url) {
        return new SegmentationResult(jobId, k, features, droppedCustomers, metrics, kSelection, preprocessing, segments,
                lineage, url);
    }

    SegmentationResult withLineage(Lineage lineage) {
        return new SegmentationResult(jobId, k, features, droppedCustomers, metrics, kSelection, preprocessing, segments,
                lineage, reportUrl);
    }

    /**
     * How a refresh's segments continue those of the segmentation it refreshed: matched one-to-one by least total
     * centroid distance in the earlier clustering space, a pair counting only when the new centroid lies closer
     * to the earlier one than half the distance from that to its nearest other earlier centroid.
     *
     * @param newKeys     keys first given in this refresh, to segments that continue none; never a key the chain
     *                    of refreshes has used before
     * @param retiredKeys the earlier segmentation's keys that no segment continues
     */
    public record Lineage(@Schema(description = "The segmentation this one refreshes") UUID refreshOf,
                          @Schema(description = "Per segment, in segment order") List<SegmentLineage> segments,
                          @ArraySchema(arraySchema = @Schema(description = "Keys first given in this refresh, to "
                                  + "segments that continue none of the earlier ones; never a key used before in the "
                                  + "chain of refreshes"), schema = @Schema(pattern = "^S[1-9][0-9]*$"))
                          List<String> newKeys,
                          @ArraySchema(arraySchema = @Schema(description = "Keys of the segmentation refreshed that no "
                                  + "segment continues"), schema = @Schema(pattern = "^S[1-9][0-9]*$"))
                          List<String> retiredKeys) {
    }

    /**
     * @param previousSegment the earlier segment this one continues, by its number there; null for a new one
     * @param centroidShift   how far the centroid moved from the earlier segment's, in the earlier clustering space
     */
    public record SegmentLineage(@Schema(example = "S1", pattern = "^S[1-9][0-9]*$") String key, int segment,
                                 @Schema(nullable = true, description = "The number, in the segmentation refreshed, of "
                                         + "the segment this one continues; null for a new segment")
                                 Integer previousSegment,
                                 @Schema(nullable = true, description = "How far the centroid moved from that earlier "
                                         + "segment's, in the earlier segmentation's clustering space; null for a new "
                                         + "segment") Double centroidShift) {
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
                            double smallestShare,
                            @Schema(description = "Whether the candidate could not be chosen: its smallest segment "
                                    + "holds less than the request's minSegmentShare") boolean excluded,
                            @Schema(description = "Why it was excluded; null when it was not", nullable = true)
                            String exclusionReason) {
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
     * @param key            stable across refreshes
     * @param name           what the segment is called: the name a person gave it, else its label
     * @param label          the automatic name, from its strongest distinguishing traits, unique within the result
     * @param share          size as a fraction of all customers
     * @param stability      the clusterboot stability, 0..1; null when not measured
     * @param distinguishing what sets the segment apart, strongest first
     * @param summary        the segment in one or two sentences; null for segments stored by earlier versions
     * @param zScores        numeric feature to how many (population) standard deviations the members' mean lies
     *                       from all customers' mean
     * @param centroid       numeric feature to the segment centre's value, in original units
     * @param features       numeric feature to the members' summary, in original units
     * @param categories     categorical feature to each of its values' share among the members and lift
     */
    public record Segment(int segment,
                          @Schema(description = "The segment's key, stable across refreshes while its number (by size) "
                                  + "may change: S1..Sk in segment order for a segmentation that is not a refresh",
                                  example = "S1", pattern = "^S[1-9][0-9]*$") String key,
                          @Schema(description = "What the segment is called: the name a person gave it (PATCH), "
                                  + "else its automatic label. Exports, predictions, the report and the charts use it.")
                          String name,
                          @Schema(description = "USER when a person named the segment, AUTOMATIC when name is its label")
                          NameSource nameSource,
                          @Schema(description = "The automatic name, built from the strongest distinguishing traits "
                                  + "and unique within the result; \"Typical customers\" when no trait is at least "
                                  + "0.2 standard deviations off") String label,
                          @Schema(description = "What a person wrote about the segment", nullable = true) String description,
                          @Schema(description = "A person's tags for the segment, in the order given") List<String> tags,
                          int size, double share,
                          @Schema(description = "How much to trust the segment, when the request asked for stability: "
                                  + "the mean over resamples of its best Jaccard similarity (0..1) with a segment of "
                                  + "the resample clustered anew (Hennig's clusterboot); null when stability was not "
                                  + "asked for, or no resample held one of its customers", nullable = true)
                          Double stability,
                          @Schema(description = "Hennig's reading of stability: UNSTABLE below 0.6, WEAK 0.6 to 0.75, "
                                  + "STABLE 0.75 to 0.85, HIGHLY_STABLE 0.85 and above; null when stability is",
                                  nullable = true, example = "HIGHLY_STABLE")
                          String stabilityVerdict,
                          @Schema(description = "What sets the segment apart, strongest first: the numeric features "
                                  + "whose members' mean is at least half a standard deviation from all customers' "
                                  + "mean, and the categorical values over-represented by at least half the standard "
                                  + "deviation of their 0/1 indicator (strength strong); when there is none, up to "
                                  + "three traits at least 0.2 off (strength mild)") List<Trait> distinguishing,
                          @Schema(description = "The segment in one or two sentences, in original units, each trait "
                                  + "beside all customers' value; null for segments stored by earlier versions",
                                  nullable = true) String summary,
                          @NullableValues Map<String, Double> zScores, Map<String, Double> centroid, Map<String, FeatureSummary> features,
                          Map<String, Map<String, CategoryShare>> categories) {

        Segment withNaming(String customName, String description, List<String> tags) {
            return new Segment(segment, key, customName == null ? label : customName,
                    customName == null ? NameSource.AUTOMATIC : NameSource.USER, label, description, tags, size, share,
                    stability, stabilityVerdict, distinguishing, summary, zScores, centroid, features, categories);
        }
    }

    public enum NameSource { USER, AUTOMATIC }

    /**
     * One way a segment differs from all customers.
     *
     * @param trait        {@code feature}, or {@code feature=value} for a categorical value
     * @param value        the over-represented value of a categorical feature; null for a numeric feature
     * @param segmentValue a numeric feature: the members' mean; a categorical value: its share among the members
     * @param overallValue the same over all customers
     */
    @Schema(description = "One way a segment differs from all customers")
    public record Trait(@Schema(description = "feature, or feature=value for a categorical value") String trait,
                        String feature,
                        @Schema(description = "The over-represented value of a categorical feature; null for a "
                                + "numeric feature", nullable = true) String value,
                        @Schema(description = "high: above all customers (always, for a categorical value); low: below",
                                allowableValues = {"high", "low"}) String direction,
                        @Schema(description = "A numeric feature: how many standard deviations the members' mean lies "
                                + "from all customers'; a categorical value: the same for its 0/1 indicator")
                        double zScore,
                        @Schema(description = "strong: |zScore| of at least 0.5; mild: at least 0.2, kept only when "
                                + "no trait of the segment is strong", allowableValues = {"strong", "mild"})
                        String strength,
                        @Schema(description = "A numeric feature: the members' mean, in original units; a categorical "
                                + "value: its share among the members") double segmentValue,
                        @Schema(description = "The same over all customers; null for a numeric feature of a segment "
                                + "stored by an earlier version", nullable = true) Double overallValue) {

        static Trait of(SegmentProfile.Trait trait) {
            return new Trait(trait.name(), trait.feature(), trait.value(), trait.zScore() > 0 ? "high" : "low",
                    trait.zScore(), trait.mild() ? "mild" : "strong", trait.segmentValue(),
                    Double.isNaN(trait.overallValue()) ? null : trait.overallValue());
        }
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
