/**
 * The HTTP edge every module shares: problem responses ({@code application/problem+json}) for every failure,
 * 503s while the database is down, and the OpenAPI description. It knows no module but {@code common} and the
 * database's plumbing ({@code postgres}), whose faults it answers.
 */
@ApplicationModule(displayName = "Web edge", allowedDependencies = {"common", "postgres"})
package org.customersegmentation.web;

import org.springframework.modulith.ApplicationModule;
