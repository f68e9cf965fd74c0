/**
 * Fair use between tenants: what each tenant may use at once (running jobs, concurrent uploads), how costly a job it
 * may ask for, and how many requests it may send ({@link TenantLimits}, with per-tenant overrides), and the request
 * rate limit that holds across replicas.
 */
@ApplicationModule(displayName = "Tenant limits", allowedDependencies = {"common", "web", "security", "postgres"})
package org.customersegmentation.limits;

import org.springframework.modulith.ApplicationModule;
