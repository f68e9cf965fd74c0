package org.customersegmentation.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricTenantsTest {

    @Test
    void listedTenantsAreNamedAndEveryOtherIsOther() {
        MetricTenants tenants = new MetricTenants(List.of("acme", "initech", "acme"));

        assertThat(tenants.tagOf("acme")).isEqualTo("acme");
        assertThat(tenants.tagOf("initech")).isEqualTo("initech");
        assertThat(tenants.tagOf("globex")).isEqualTo("other");
        assertThat(new MetricTenants(List.of()).tagOf("acme")).isEqualTo("other");
    }
}
