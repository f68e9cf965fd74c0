/**
 * What every module may throw: failures described in the caller's terms, which {@code web} alone turns into
 * {@code application/problem+json}.
 */
@ApplicationModule(displayName = "Common failures", allowedDependencies = {})
package org.customersegmentation.common;

import org.springframework.modulith.ApplicationModule;
