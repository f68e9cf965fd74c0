package org.customersegmentation.segmentation.callback;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.customersegmentation.security.TenantSecrets;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param secrets      comma-separated tenant=secret pairs: the key each tenant's callbacks are signed with
 * @param allowedHosts hosts a callback may reach over plain http or at a private address (e.g. an internal CRM)
 * @param firstRetry   the wait before the first retry of a failed delivery; each next one waits twice as long
 * @param giveUpAfter  how long after the job ended deliveries are tried
 */
@ConfigurationProperties("segmentation.callbacks")
public record CallbackSettings(@DefaultValue("") String secrets, @DefaultValue List<String> allowedHosts,
                        @DefaultValue("10s") Duration firstRetry, @DefaultValue("1h") Duration giveUpAfter) {

    private static final String SECRETS = "segmentation.callbacks.secrets";

    /** Malformed secrets or times stop the service at start-up, not each delivery later. */
    public CallbackSettings {
        TenantSecrets.parse(SECRETS, secrets);
        if (!firstRetry.isPositive() || !giveUpAfter.isPositive()) {
            throw new IllegalArgumentException("segmentation.callbacks.first-retry and give-up-after must be positive");
        }
    }

    Optional<String> secretOf(String tenant) {
        return Optional.ofNullable(TenantSecrets.parse(SECRETS, secrets).get(tenant));
    }

    boolean allows(String host) {
        return allowedHosts.stream().anyMatch(allowed -> allowed.strip().equalsIgnoreCase(host.toLowerCase(Locale.ROOT)));
    }
}
