/**
 * The audit log: who changed what, when, and how it ended, for every state-changing call and for what the service
 * does on its own (retention), kept append-only in PostgreSQL and read through the operator API.
 */
@ApplicationModule(displayName = "Audit log", allowedDependencies = {"common", "web", "security"})
package org.customersegmentation.audit;

import org.springframework.modulith.ApplicationModule;
