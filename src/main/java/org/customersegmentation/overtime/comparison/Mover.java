package org.customersegmentation.overtime.comparison;

/** A common customer whose key changed: the key and name it had in the other segmentation, and has in this. */
record Mover(String customerId, String fromKey, String fromName, String toKey, String toName) {
}
