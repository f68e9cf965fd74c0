package org.customersegmentation.security;

import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param key the operator's credential, sent as {@code X-Operator-Key}: it opens the operator API ({@code /admin})
 *            and the management endpoints (metrics), and nothing of any tenant's. Unset or blank, both are off.
 */
@ConfigurationProperties("segmentation.operator")
public record OperatorSettings(@DefaultValue("") String key) {

    /** As {@link OperatorApiEnabled} decides, before there are beans. */
    public boolean enabled() {
        return !key.isBlank();
    }

    /**
     * Stops the service on a key too short to be a secret. Checked here rather than while binding, whose failure
     * report would print the value.
     */
    public OperatorSettings checked() {
        if (enabled() && key.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalStateException("segmentation.operator.key must be at least 32 bytes; leave it unset to "
                    + "turn the operator API off.");
        }
        return this;
    }

    @Override
    public String toString() {
        return "OperatorSettings[key=" + (enabled() ? "(set)" : "(unset)") + "]";
    }
}
