/** API keys, tenants, signed report links and the one HMAC helper and {@code tenant=secret} parser. */
@ApplicationModule(displayName = "Security", allowedDependencies = {"common", "web"})
package org.customersegmentation.security;

import org.springframework.modulith.ApplicationModule;
