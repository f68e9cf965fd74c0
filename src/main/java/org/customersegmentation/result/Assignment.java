package org.customersegmentation.result;

/**
 * @param rowNumber 1-based position of the customer in its dataset
 * @param key       the segment's key, stable across refreshes
 * @param name      the segment's current name: the name a marketer gave it, else its automatic label
 * @param distance  Euclidean distance to the segment centre, in the clustering space
 */
public record Assignment(int rowNumber, String customerId, int segment, String key, String name, double distance) {
}
