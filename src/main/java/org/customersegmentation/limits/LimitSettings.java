package org.customersegmentation.limits;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code segmentation.limits}: the defaults every tenant has, and per tenant what differs. A limit that is not
 * positive would refuse everything, so the service refuses to start with one, naming the setting.
 */
@Validated
@ConfigurationProperties("segmentation.limits")
record LimitSettings(@Valid @DefaultValue Defaults defaults, Map<String, @Valid Override> tenants) {

    LimitSettings {
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
    }

    record Defaults(@DefaultValue("1") @Min(1) int runningJobs,
                    @DefaultValue("2e13") @Positive double maxJobCost,
                    @DefaultValue("2") @Min(1) int concurrentUploads,
                    @DefaultValue("50") @Min(1) int requestsPerSecond,
                    @DefaultValue("100") @Min(1) int requestBurst) {
    }

    /** What a tenant has in place of the defaults; null where it has the default. */
    record Override(@Min(1) Integer runningJobs, @Positive Double maxJobCost, @Min(1) Integer concurrentUploads,
                    @Min(1) Integer requestsPerSecond, @Min(1) Integer requestBurst) {

        static final Override NONE = new Override(null, null, null, null, null);
    }
}
