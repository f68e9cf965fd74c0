/**
 * Who is calling and what they may do. Its API: the {@link org.customersegmentation.security.Tenant} a request acts
 * for, {@link org.customersegmentation.security.Scope scopes}, signed report links, the one HMAC helper and
 * {@code tenant=secret} parser. Inside: the HTTP side, filters, refusals as problems and the API description's
 * security ({@code http}); stored API keys ({@code keys}); the operator's endpoints for them ({@code web}).
 */
@ApplicationModule(displayName = "Security", allowedDependencies = {"common", "web"})
package org.customersegmentation.security;

import org.springframework.modulith.ApplicationModule;
