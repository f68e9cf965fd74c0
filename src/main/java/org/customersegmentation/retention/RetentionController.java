package org.customersegmentation.retention;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Map;
import org.customersegmentation.common.InvalidInputException;
import org.customersegmentation.security.OperatorApiEnabled;
import org.customersegmentation.security.Tenant;
import org.customersegmentation.web.OperatorApi;
import org.customersegmentation.web.ProblemResponses;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A tenant's dataset retention, apart from the default: the operator's. */
@RestController
@Tag(name = "Operator")
@OperatorApi
@Conditional(OperatorApiEnabled.class)
class RetentionController {

    /**
     * @param datasets      how long the tenant's datasets are kept, as an ISO-8601 duration; null for ever
     * @param tenantSetting whether the tenant has a setting of its own, or follows segmentation.retention.datasets
     */
    record Retention(@Schema(nullable = true, example = "P30D") Duration datasets, boolean tenantSetting) {
    }

    /** @param datasets how long the tenant's datasets are to be kept, a day (P1D) to 100 years; null for the default */
    record RetentionRequest(@Schema(nullable = true, example = "P30D") Duration datasets) {
    }

    private final TenantRetentions retentions;
    private final RetentionSettings settings;

    RetentionController(TenantRetentions retentions, RetentionSettings settings) {
        this.retentions = retentions;
        this.settings = settings;
    }

    @Operation(operationId = "getRetention", summary = "How long a tenant's datasets are kept",
            description = "datasets is null when they are kept for ever.")
    @ProblemResponses(400)
    @GetMapping("/admin/v1/tenants/{tenant}/retention")
    Retention get(@PathVariable @Pattern(regexp = Tenant.PATTERN) @Size(min = 1, max = Tenant.MAX_LENGTH) String tenant) {
        return retentions.of(tenant).map(own -> new Retention(own, true))
                .orElseGet(() -> new Retention(settings.datasets(), false));
    }

    @Operation(operationId = "setRetention", summary = "Set how long a tenant's datasets are kept",
            description = "A duration of at least a day sets the tenant's own; null brings back the default "
                    + "(segmentation.retention.datasets). The retention task applies it at its next run.")
    @ProblemResponses(400)
    @PutMapping("/admin/v1/tenants/{tenant}/retention")
    Retention set(@PathVariable @Pattern(regexp = Tenant.PATTERN) @Size(min = 1, max = Tenant.MAX_LENGTH) String tenant,
                  @RequestBody RetentionRequest retention) {
        if (retention.datasets() == null) {
            retentions.clear(tenant);
        } else if (retention.datasets().compareTo(Duration.ofDays(1)) < 0
                || retention.datasets().compareTo(Duration.ofDays(36_500)) > 0) {
            throw new InvalidInputException("Invalid retention", "datasets must be at least a day (P1D) and at most "
                    + "100 years (P36500D), or null for the default.", Map.of("parameter", "datasets"));
        } else {
            retentions.set(tenant, retention.datasets());
        }
        return get(tenant);
    }
}
