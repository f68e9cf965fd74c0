package org.customersegmentation.segmentation;

/** @param distance Euclidean distance to the segment centre, in the standardized clustering space */
record AssignmentView(String customerId, int segment, double distance) {
}
