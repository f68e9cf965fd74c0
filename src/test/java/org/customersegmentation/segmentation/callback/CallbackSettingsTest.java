package org.customersegmentation.segmentation.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallbackSettingsTest {

    @Test
    void eachTenantHasTheSecretItWasGiven() {
        CallbackSettings settings = settings(" acme = s3cret , globex=other");

        assertThat(settings.secretOf("acme")).contains("s3cret");
        assertThat(settings.secretOf("globex")).contains("other");
        assertThat(settings.secretOf("initech")).isEmpty();
        assertThat(settings("").secretOf("acme")).isEmpty();
    }

    @Test
    void malformedSecretsStopTheServiceWhenItReadsItsSettingsWithoutRepeatingThem() {
        assertThatThrownBy(() -> settings("acme=s3cret,globex"))
                .hasMessage("segmentation.callbacks.secrets entry 2 is not of the form tenant=secret.");
        assertThatThrownBy(() -> settings("acme=s3cret,acme=other"))
                .hasMessage("segmentation.callbacks.secrets names tenant 'acme' twice.")
                .hasMessageNotContaining("s3cret");
    }

    private static CallbackSettings settings(String secrets) {
        return new CallbackSettings(secrets, List.of(), Duration.ofSeconds(10), Duration.ofHours(1));
    }
}
