package org.customersegmentation.security.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.customersegmentation.security.OperatorApiEnabled;
import org.customersegmentation.security.TenantKeys;
import org.customersegmentation.web.OperatorApi;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tenants the service knows: those with keys, configured or issued. */
@RestController
@Tag(name = "Operator")
@OperatorApi
@Conditional(OperatorApiEnabled.class)
class TenantAdminController {

    /** @param activeKeys keys that work now: issued, not revoked or expired, plus one for a configured key */
    record TenantView(String tenant, long activeKeys) {
    }

    private final TenantKeys keys;

    TenantAdminController(TenantKeys keys) {
        this.keys = keys;
    }

    @Operation(operationId = "listTenants", summary = "Every tenant with keys, and how many of them are active")
    @GetMapping("/admin/v1/tenants")
    List<TenantView> list() {
        return keys.tenants().entrySet().stream().map(tenant -> new TenantView(tenant.getKey(), tenant.getValue())).toList();
    }
}
