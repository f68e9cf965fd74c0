/**
 * Retention: datasets, and everything derived from them, are deleted once older than the tenant's retention
 * ({@code segmentation.retention.datasets}, or the operator's setting for the tenant), by a task that runs once
 * across all instances; each deletion is audited.
 */
@ApplicationModule(displayName = "Retention", allowedDependencies = {"common", "web", "security", "dataset", "audit",
        "postgres"})
package org.customersegmentation.retention;

import org.springframework.modulith.ApplicationModule;
