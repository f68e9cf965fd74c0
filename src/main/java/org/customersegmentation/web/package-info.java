/**
 * The HTTP edge every module shares: problem responses ({@code application/problem+json}) for every failure, and
 * the OpenAPI description. It knows no module but {@code common}.
 */
@ApplicationModule(displayName = "Web edge", allowedDependencies = "common")
package org.customersegmentation.web;

import org.springframework.modulith.ApplicationModule;
