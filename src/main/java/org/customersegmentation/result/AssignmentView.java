package org.customersegmentation.result;

/** @param distance Euclidean distance to the segment centre, in the clustering space (after the request's scaling) */
record AssignmentView(String customerId, int segment, double distance) {

    static AssignmentView of(Assignment assignment) {
        return new AssignmentView(assignment.customerId(), assignment.segment(), assignment.distance());
    }
}
