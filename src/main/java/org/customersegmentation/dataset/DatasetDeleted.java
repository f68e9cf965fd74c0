package org.customersegmentation.dataset;

import java.util.UUID;

/**
 * Published inside the transaction that deletes a dataset, before its rows go: listeners remove what they
 * derived from the dataset's customers in the same transaction.
 */
public record DatasetDeleted(UUID datasetId) {
}
