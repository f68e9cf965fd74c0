/**
 * Following a request through the logs: the W3C trace context carried into jobs and out to callbacks
 * ({@link org.customersegmentation.observability.TraceContexts}), the tenant in every log line of its requests, and
 * which tenants jobs' metrics name ({@link org.customersegmentation.observability.MetricTenants}).
 */
@ApplicationModule(displayName = "Observability", allowedDependencies = {"security"})
package org.customersegmentation.observability;

import org.springframework.modulith.ApplicationModule;
