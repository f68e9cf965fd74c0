package org.customersegmentation.security;

import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param key the operator's credential, sent as {@code X-Operator-Key}: it opens the operator API ({@code /admin})
 *            and the management endpoints (metrics), and nothing of any tenant's. Unset, both are off.
 */
@ConfigurationProperties("segmentation.operator")
public record OperatorSettings(@DefaultValue("") String key) {

    public OperatorSettings {
        if (!key.isEmpty() && key.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("segmentation.operator.key must be at least 32 bytes; leave it unset to "
                    + "turn the operator API off.");
        }
    }

    public boolean enabled() {
        return !key.isEmpty();
    }
}
