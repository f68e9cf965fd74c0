package org.customersegmentation.dataset.ingest;

/**
 * What the caller asked of an upload besides its body.
 *
 * @param idColumn      the header of the customer-ID column, or null to detect it
 * @param maxCategories a non-numeric column with at most this many distinct values is CATEGORICAL, else TEXT
 */
public record Upload(String name, String idColumn, int maxCategories) {
}
