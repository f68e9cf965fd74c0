package org.customersegmentation.result;

import io.swagger.v3.oas.annotations.media.Schema;

/** @param distance Euclidean distance to the segment centre, in the clustering space (after the request's scaling) */
record AssignmentView(String customerId, int segment,
                      @Schema(description = "The segment's key, stable across refreshes", example = "S1",
                              pattern = "^S[1-9][0-9]*$") String key,
                      @Schema(description = "The segment's current name: the name given to it, else its automatic label")
                      String name,
                      double distance) {

    static AssignmentView of(Assignment assignment) {
        return new AssignmentView(assignment.customerId(), assignment.segment(), assignment.key(), assignment.name(),
                assignment.distance());
    }
}
