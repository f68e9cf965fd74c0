package org.customersegmentation.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param datasets how long a dataset is kept after its upload, e.g. {@code 90d}; unset: for ever, unless the
 *                 operator set a tenant's
 * @param interval how often the retention task looks for datasets past it
 */
@ConfigurationProperties("segmentation.retention")
record RetentionSettings(Duration datasets, @DefaultValue("1h") Duration interval) {

    RetentionSettings {
        if (datasets != null && !datasets.isPositive() || !interval.isPositive()) {
            throw new IllegalArgumentException("segmentation.retention.datasets and interval must be positive");
        }
    }
}
