package org.customersegmentation.observability;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which tenants jobs' metrics name in their {@code tenant} tag: those listed in {@code segmentation.metrics.tenants};
 * every other tenant is {@code other}, so that the number of series stays bounded however many tenants come.
 */
@ConfigurationProperties("segmentation.metrics")
public record MetricTenants(@DefaultValue List<String> tenants) {

    public static final String OTHER = "other";

    public MetricTenants {
        tenants = List.copyOf(Set.copyOf(tenants));
    }

    /** The tag value for this tenant's jobs. */
    public String tagOf(String tenant) {
        return tenants.contains(tenant) ? tenant : OTHER;
    }
}
