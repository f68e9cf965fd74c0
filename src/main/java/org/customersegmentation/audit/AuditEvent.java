package org.customersegmentation.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * One audited action.
 *
 * @param tenant       whose data it concerned; null for none
 * @param actor        who acted: {@code key:<id>}, {@code config:<tenant>}, {@code jwt:<subject>} for a bearer
 *                     token, {@code operator}, {@code retention}
 * @param action       what was done, e.g. {@code uploadDataset}, {@code revokeKey}, {@code expireDataset}
 * @param resourceType e.g. {@code dataset}, {@code segmentation}, {@code segment}, {@code api-key}
 * @param outcome      the HTTP status it was answered with (for the service's own actions, what it would have been)
 * @param requestId    the trace ID of the request, to find its log lines
 */
public record AuditEvent(long id, Instant occurredAt, @Schema(nullable = true) String tenant, String actor,
                         String action, @Schema(nullable = true) String resourceType,
                         @Schema(nullable = true) String resourceId, int outcome,
                         @Schema(nullable = true) String requestId) {
}
