/**
 * The database's plumbing, not where any data belongs: the two connection pools (for requests, and for background
 * work), whether the database answers, which failures are the connection's, and bulk reads and writes through
 * PostgreSQL's COPY protocol.
 */
@ApplicationModule(displayName = "PostgreSQL", allowedDependencies = {})
package org.customersegmentation.postgres;

import org.springframework.modulith.ApplicationModule;
