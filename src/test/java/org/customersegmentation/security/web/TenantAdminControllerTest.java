package org.customersegmentation.security.web;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.TreeMap;
import org.customersegmentation.security.TenantKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(controllers = TenantAdminController.class, properties = "segmentation.operator.key=an-operator-key-of-at-least-32-bytes")
@AutoConfigureMockMvc(addFilters = false)
class TenantAdminControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    TenantKeys keys;

    @Test
    void everyTenantIsListedWithItsActiveKeys() throws Exception {
        given(keys.tenants()).willReturn(new TreeMap<>(Map.of("acme", 2L, "globex", 0L)));

        mvc.perform(get("/admin/v1/tenants"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].tenant").value("acme"))
                .andExpect(jsonPath("$[0].activeKeys").value(2))
                .andExpect(jsonPath("$[1].tenant").value("globex"))
                .andExpect(jsonPath("$[1].activeKeys").value(0));
    }
}
