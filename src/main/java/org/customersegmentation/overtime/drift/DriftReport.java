package org.customersegmentation.overtime.drift;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/**
 * How far a newer snapshot of the customers has moved from the data a segmentation was trained on.
 *
 * @param trainingCustomers the customers of the dataset the segmentation was trained on
 * @param customers         the customers of the newer snapshot
 * @param drivers           what drove the verdict, largest PSI first: every PSI of at least 0.25 for RESEGMENT,
 *                          of at least 0.1 for MONITOR, none for STABLE
 */
@Schema(description = "How far a newer snapshot of the customers has moved from the data a segmentation was trained on")
public record DriftReport(UUID segmentationId, UUID trainingDatasetId, UUID datasetId, int trainingCustomers,
                          int customers,
                          @Schema(description = "STABLE when every PSI (each feature's and the segment shares') is below "
                                  + "0.1, MONITOR when the largest is at least 0.1 and below 0.25, RESEGMENT when any "
                                  + "is 0.25 or more") Verdict verdict,
                          @Schema(description = "What drove the verdict, largest PSI first: every PSI of at least 0.25 "
                                  + "for RESEGMENT, of at least 0.1 for MONITOR; empty for STABLE") List<Driver> drivers,
                          @Schema(description = "Per feature of the segmentation, in its order") List<FeatureDrift> features,
                          SegmentDrift segments) {

    /** The conventional PSI thresholds. */
    public enum Verdict { STABLE, MONITOR, RESEGMENT }

    public enum DriverKind { FEATURE, SEGMENT_SHARES }

    /** @param feature the feature; null for the segment shares */
    @Schema(name = "DriftDriver", description = "A PSI that drove the verdict")
    public record Driver(DriverKind kind, @Schema(nullable = true, description = "The feature; null for the segment shares")
                         String feature, double psi) {
    }

    /**
     * @param type NUMERIC or CATEGORICAL
     * @param bins the bins the PSI is summed over; the missing bin only when either dataset has missing values
     */
    @Schema(description = "One feature's population stability index over its bins")
    public record FeatureDrift(String feature,
                               @Schema(allowableValues = {"NUMERIC", "CATEGORICAL"}) String type,
                               @Schema(description = "Sum over the bins of (newShare - trainingShare) * "
                                       + "ln(newShare / trainingShare), each share at least 0.0001") double psi,
                               Verdict verdict,
                               @Schema(description = "Numeric: up to 10 bins at the training data's deciles of its "
                                       + "present values (deciles that coincide are one edge), then MISSING when either "
                                       + "dataset has missing values. Categorical: one bin per training value, most "
                                       + "frequent first, then UNSEEN, then MISSING when either dataset has missing values")
                               List<Bin> bins) {
    }

    /**
     * @param lower a RANGE bin's lower edge, inclusive; null for the first
     * @param upper a RANGE bin's upper edge, exclusive; null for the last
     * @param value a VALUE bin's value
     */
    @Schema(name = "DriftBin", description = "One bin of a feature's PSI")
    public record Bin(@Schema(description = "RANGE (numeric values from lower, inclusive, to upper, exclusive), VALUE (a "
                              + "categorical value seen in training), UNSEEN (every categorical value training never "
                              + "saw) or MISSING") BinKind kind,
                      @Schema(nullable = true, description = "A RANGE bin's lower edge, inclusive; null for the first "
                              + "and for other kinds") Double lower,
                      @Schema(nullable = true, description = "A RANGE bin's upper edge, exclusive; null for the last "
                              + "and for other kinds") Double upper,
                      @Schema(nullable = true, description = "A VALUE bin's value") String value,
                      @Schema(description = "The share of the training customers in the bin") double trainingShare,
                      @Schema(description = "The share of the new snapshot's customers in the bin") double newShare) {
    }

    public enum BinKind { RANGE, VALUE, UNSEEN, MISSING }

    /**
     * @param trainingMeanDistance the training customers' mean distance to their segment's centre, from the stored
     *                             assignments, in the clustering space
     * @param meanDistance         the same for the new snapshot's customers, each placed in its nearest segment
     * @param meanDistanceRatio    meanDistance over trainingMeanDistance; null when that is 0
     */
    @Schema(description = "The new snapshot scored with the segmentation's model, every customer placed in its nearest "
            + "segment as predict places it (missing values filled as the model fills them)")
    public record SegmentDrift(@Schema(description = "The PSI of the segment shares, training against new") double psi,
                               Verdict verdict,
                               @Schema(description = "The training customers' mean distance to their segment's centre, "
                                       + "in the clustering space, from the stored assignments")
                               double trainingMeanDistance,
                               @Schema(description = "The new snapshot's customers' mean distance to their nearest "
                                       + "segment's centre, in the clustering space") double meanDistance,
                               @Schema(nullable = true, description = "meanDistance / trainingMeanDistance: above 1, the "
                                       + "customers fit the segments less tightly than in training; null when "
                                       + "trainingMeanDistance is 0") Double meanDistanceRatio,
                               List<SegmentShare> shares) {
    }

    /** @param trainingShare the segment's share of the customers segmented in training */
    @Schema(name = "DriftSegmentShare", description = "A segment's share of the customers in training and now")
    public record SegmentShare(int segment, String key, String name,
                               @Schema(description = "The segment's share of the customers segmented in training")
                               double trainingShare,
                               @Schema(description = "Its share of the new snapshot's customers") double newShare) {
    }
}
