package org.customersegmentation.segmentation;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param secrets      comma-separated tenant=secret pairs: the key each tenant's callbacks are signed with
 * @param allowedHosts hosts a callback may reach over plain http or at a private address (e.g. an internal CRM)
 * @param firstRetry   the wait before the first retry of a failed delivery; each next one waits twice as long
 * @param giveUpAfter  how long after the job ended deliveries are tried
 */
@ConfigurationProperties("segmentation.callbacks")
record CallbackSettings(@DefaultValue("") String secrets, @DefaultValue List<String> allowedHosts,
                        @DefaultValue("10s") Duration firstRetry, @DefaultValue("1h") Duration giveUpAfter) {

    Optional<String> secretOf(String tenant) {
        return Optional.ofNullable(parsedSecrets().get(tenant));
    }

    boolean allows(String host) {
        return allowedHosts.stream().anyMatch(allowed -> allowed.strip().equalsIgnoreCase(host.toLowerCase(Locale.ROOT)));
    }

    private Map<String, String> parsedSecrets() {
        return Arrays.stream(secrets.split(","))
                .map(String::strip)
                .filter(pair -> pair.contains("="))
                .collect(Collectors.toMap(pair -> pair.substring(0, pair.indexOf('=')).strip(),
                        pair -> pair.substring(pair.indexOf('=') + 1).strip(), (first, second) -> first));
    }
}
