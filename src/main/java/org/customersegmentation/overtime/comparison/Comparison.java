package org.customersegmentation.overtime.comparison;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

@Schema(description = "Two segmentations compared on the customers they share, matched by customer ID")
record Comparison(
        @Schema(description = "This segmentation") UUID jobId,
        @Schema(description = "The segmentation it is compared with, the earlier one as a rule") UUID with,
        @Schema(description = "Customers segmented by both") long commonCustomers,
        @Schema(description = "Customers segmented by this segmentation only: new ones, say") long onlyInThis,
        @Schema(description = "Customers segmented by the other only: gone ones, say") long onlyInOther,
        @Schema(description = "The adjusted Rand index of the two partitions of the common customers: 1 when they "
                + "group the customers alike, about 0 when no better than chance; null with fewer than two common "
                + "customers", nullable = true) Double adjustedRandIndex,
        Migration migration,
        @ArraySchema(arraySchema = @Schema(description = "For every key both segmentations have, in this "
                + "segmentation's segment order: how many of its earlier members (common customers) are still under "
                + "it"), maxItems = 100) List<Stayed> stayed) {

    @Schema(name = "SegmentMigration", description = "Where the common customers were (from, the other "
            + "segmentation's segments) and are now (to, this segmentation's)")
    record Migration(@ArraySchema(maxItems = 100) List<SegmentRef> from,
                     @ArraySchema(maxItems = 100) List<SegmentRef> to,
                     @Schema(description = "counts[i][j]: the common customers in from[i] then and in to[j] now")
                     long[][] counts) {
    }

    @Schema(name = "ComparedSegment")
    record SegmentRef(@Schema(description = "Its number in its segmentation, by size from 0") int segment,
                      @Schema(description = "Its key, stable across refreshes") String key,
                      @Schema(description = "Its name: the name a person gave it, else its label") String name) {
    }

    @Schema(name = "StayedUnderKey")
    record Stayed(String key,
                  @Schema(description = "Common customers under the key in the other segmentation") long earlierMembers,
                  @Schema(description = "Of those, the customers under the key in this segmentation too")
                  long stillThere,
                  @Schema(description = "stillThere / earlierMembers; null when the key had no common customers",
                          nullable = true) Double share) {
    }
}
