package org.customersegmentation.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param signingKey    the secret report links are signed with; empty: a random key kept in the database
 * @param tokenLifetime how long a report link works
 */
@ConfigurationProperties("segmentation.reports")
record ReportSettings(@DefaultValue("") String signingKey, @DefaultValue("7d") Duration tokenLifetime) {

    ReportSettings {
        if (!tokenLifetime.isPositive()) {
            throw new IllegalArgumentException("segmentation.reports.token-lifetime must be positive");
        }
    }
}
