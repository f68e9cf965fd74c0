package org.customersegmentation.engine;

import java.util.List;

/**
 * Everything a segmentation produced.
 *
 * @param segments     ordered by segment number
 * @param assignments  each row's segment number, in the input's row order
 * @param distances    each row's Euclidean distance to its segment's centre, in the clustering space
 * @param inertia      within-cluster sum of squared distances, in the clustering space
 * @param quality      the partition's quality indices, in the clustering space
 * @param search       how k was chosen, when a range was searched; null for a fixed k
 * @param model        what places new customers in these segments
 * @param rows         the input row of each assignment, when customers were dropped; null when every row was kept
 * @param droppedRows  how many customers were left out for a missing value
 * @param stability    per segment, in segment order, its clusterboot stability (NaN where no resample held it);
 *                     null when it was not measured
 */
public record SegmentationOutcome(List<SegmentProfile> segments, int[] assignments, double[] distances, double inertia,
                                  ClusterQuality quality, KSearch search, SegmentModel model, int[] rows, int droppedRows,
                                  double[] stability) {

    /** The input row of the i-th assignment. */
    public int row(int i) {
        return rows == null ? i : rows[i];
    }

    SegmentationOutcome withSearch(KSearch search) {
        return new SegmentationOutcome(segments, assignments, distances, inertia, quality, search, model, rows, droppedRows,
                stability);
    }

    SegmentationOutcome withStability(double[] stability) {
        return new SegmentationOutcome(segments, assignments, distances, inertia, quality, search, model, rows, droppedRows,
                stability);
    }

    /** The verdict on a segment's stability; null when stability was not measured or is undefined. */
    public StabilityVerdict stabilityVerdict(int segment) {
        return stability == null ? null : StabilityVerdict.of(stability[segment]);
    }

    SegmentationOutcome withRows(int[] rows, int droppedRows) {
        return new SegmentationOutcome(segments, assignments, distances, inertia, quality, search, model, rows, droppedRows,
                stability);
    }
}
