/**
 * Customer datasets: uploads ({@code ingest}), their profiles ({@code profile}), where their rows are kept
 * ({@code storage}) and their endpoints ({@code web}). Other modules read datasets through
 * {@link org.customersegmentation.dataset.Datasets}, in the dataset's own types.
 */
@ApplicationModule(displayName = "Datasets",
        allowedDependencies = {"common", "web", "security", "idempotency", "postgres", "limits"})
package org.customersegmentation.dataset;

import org.springframework.modulith.ApplicationModule;
