package org.customersegmentation.retention;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** A tenant's retention over HTTP: the default until set, at least a day, null to go back to the default. */
@WebMvcTest(controllers = RetentionController.class, properties = {
        "segmentation.operator.key=an-operator-key-of-at-least-32-bytes", "segmentation.retention.datasets=90d"})
@AutoConfigureMockMvc(addFilters = false)
@EnableConfigurationProperties(RetentionSettings.class)
class RetentionControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    TenantRetentions retentions;

    @Test
    void aTenantWithoutASettingFollowsTheDefault() throws Exception {
        mvc.perform(get("/admin/v1/tenants/acme/retention"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.datasets").value("PT2160H"))
                .andExpect(jsonPath("$.tenantSetting").value(false));
    }

    @Test
    void aSettingOfADayOrMoreIsStoredAndAnswered() throws Exception {
        given(retentions.of("acme")).willReturn(Optional.of(Duration.ofDays(30)));

        mvc.perform(put("/admin/v1/tenants/acme/retention").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"datasets\": \"P30D\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.datasets").value("PT720H"))
                .andExpect(jsonPath("$.tenantSetting").value(true));
        then(retentions).should().set("acme", Duration.ofDays(30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT1H", "P36501D", "P99999999999D"})
    void lessThanADayOrMoreThanACenturyIsRefusedAndNothingIsStored(String datasets) throws Exception {
        mvc.perform(put("/admin/v1/tenants/acme/retention").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"datasets\": \"" + datasets + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("datasets"))
                .andExpect(jsonPath("$.detail").value("datasets must be at least a day (P1D) and at most 100 years "
                        + "(P36500D), or null for the default."));
        then(retentions).should(never()).set(any(), any());
    }

    @Test
    void nullBringsBackTheDefault() throws Exception {
        mvc.perform(put("/admin/v1/tenants/acme/retention").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"datasets\": null}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tenantSetting").value(false));
        then(retentions).should().clear("acme");
    }

    @Test
    void aTenantNameThatCannotBeOneIsA400() throws Exception {
        mvc.perform(get("/admin/v1/tenants/{tenant}/retention", "no such tenant!"))
                .andExpect(status().isBadRequest());
    }
}
