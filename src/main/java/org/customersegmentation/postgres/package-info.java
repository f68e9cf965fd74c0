/** Bulk reads and writes through PostgreSQL's COPY protocol: plumbing, not where any data belongs. */
@ApplicationModule(displayName = "PostgreSQL COPY", allowedDependencies = {})
package org.customersegmentation.postgres;

import org.springframework.modulith.ApplicationModule;
