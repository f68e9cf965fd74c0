package org.customersegmentation.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.customersegmentation.security.OperatorApiEnabled;
import org.customersegmentation.security.Tenant;
import org.customersegmentation.web.OperatorApi;
import org.customersegmentation.web.ProblemResponses;
import org.springframework.context.annotation.Conditional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Operator")
@OperatorApi
@Conditional(OperatorApiEnabled.class)
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @Operation(operationId = "listAuditEvents", summary = "The audit log, newest first",
            description = "Every state-changing call (upload, delete, start, cancel, rename, key issued or revoked, "
                    + "retention) with the tenant, who acted, the resource, the status it was answered with and the "
                    + "request's trace ID; never customer data. Events outlive what they describe: a deleted "
                    + "dataset's events stay, as the proof of its erasure.")
    @ProblemResponses(400)
    @GetMapping("/admin/v1/audit-events")
    PagedModel<AuditEvent> list(@Parameter(description = "Only this tenant's events") @RequestParam(required = false)
                                @Pattern(regexp = Tenant.PATTERN) @Size(min = 1, max = Tenant.MAX_LENGTH) String tenant,
                                @Parameter(description = "From this time on (ISO-8601), inclusive")
                                @RequestParam(required = false) Instant from,
                                @Parameter(description = "Before this time (ISO-8601)")
                                @RequestParam(required = false) Instant to,
                                @Parameter(description = "The page, from 0")
                                @RequestParam(defaultValue = "0") @Min(0) @Max(Integer.MAX_VALUE) int page,
                                @Parameter(description = "Events per page, 1 to 1000")
                                @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return new PagedModel<>(audit.find(tenant, from, to, PageRequest.of(page, size)));
    }
}
