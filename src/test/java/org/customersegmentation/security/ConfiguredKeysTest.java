package org.customersegmentation.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfiguredKeysTest {

    @Test
    void eachKeyAuthenticatesItsTenantAndNoOtherKeyDoes() {
        ConfiguredKeys keys = ConfiguredKeys.parse(" acme = 3f9c-key , globex=77ab-key");

        assertThat(keys.tenantFor("3f9c-key")).contains(new Tenant("acme"));
        assertThat(keys.tenantFor("77ab-key")).contains(new Tenant("globex"));
        assertThat(keys.tenantFor("3f9c-ke")).isEmpty();
        assertThat(keys.tenantFor("")).isEmpty();
        assertThat(keys.tenantFor("acme")).isEmpty();
    }

    @Test
    void aKeyMayContainEqualsSigns() {
        assertThat(ConfiguredKeys.parse("acme=abc==").tenantFor("abc==")).contains(new Tenant("acme"));
    }

    @Test
    void misconfigurationFailsAtStartupWithoutRevealingKeys() {
        assertThat(ConfiguredKeys.parse("").isEmpty()).as("keys may all be issued through the operator API").isTrue();
        assertThatThrownBy(() -> ConfiguredKeys.parse("acme=k1,secret-without-tenant"))
                .hasMessage("SEGMENTATION_API_KEYS entry 2 is not of the form tenant=secret.");
        assertThatThrownBy(() -> ConfiguredKeys.parse("acme=k1,acme=k2")).hasMessage("SEGMENTATION_API_KEYS names tenant 'acme' twice.");
        assertThatThrownBy(() -> ConfiguredKeys.parse("acme=same-secret,globex=same-secret"))
                .hasMessageNotContaining("same-secret")
                .hasMessageContaining("same key");
    }
}
