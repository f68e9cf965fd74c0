/** Replays the stored answer of a POST sent again with the same Idempotency-Key. */
@ApplicationModule(displayName = "Idempotency", allowedDependencies = {"common", "security"})
package org.customersegmentation.idempotency;

import org.springframework.modulith.ApplicationModule;
