package org.customersegmentation.security.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.customersegmentation.security.Scope;
import org.customersegmentation.security.keys.StoredKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Issuing, listing and revoking keys over HTTP: the secret once, never again, and refusals before anything is stored. */
@WebMvcTest(controllers = KeyAdminController.class, properties = "segmentation.operator.key=an-operator-key-of-at-least-32-bytes")
@AutoConfigureMockMvc(addFilters = false)
class KeyAdminControllerTest {

    static final UUID KEY = UUID.fromString("0f8e2b9c-6a53-4c1e-9d0b-7a4f5e3c2b1a");
    static final Instant CREATED = Instant.parse("2026-12-06T10:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    StoredKeys keys;

    @Test
    void anIssuedKeyIsAnsweredOnceWithItsSecretAndWhereToFindIt() throws Exception {
        StoredKeys.StoredKey stored = new StoredKeys.StoredKey(KEY, "acme", "BI dashboard", "cs_live_AbCd",
                EnumSet.of(Scope.READ), CREATED, null, null, null);
        given(keys.issue("acme", "BI dashboard", Set.of(Scope.READ), null))
                .willReturn(new StoredKeys.IssuedKey(stored, "cs_live_AbCdEfGh"));

        mvc.perform(post("/admin/v1/tenants/acme/keys").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \" BI dashboard \", \"scopes\": [\"segmentation:read\", \"segmentation:read\"]}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/admin/v1/tenants/acme/keys/" + KEY))
                .andExpect(jsonPath("$.key").value("cs_live_AbCdEfGh"))
                .andExpect(jsonPath("$.scopes[0]").value("segmentation:read"));
    }

    @Test
    void aListedKeyHasNoSecret() throws Exception {
        given(keys.list("acme")).willReturn(List.of(new StoredKeys.StoredKey(KEY, "acme", "sync", "cs_live_AbCd",
                EnumSet.allOf(Scope.class), CREATED, CREATED.plusSeconds(60), null, null)));

        mvc.perform(get("/admin/v1/tenants/acme/keys"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].prefix").value("cs_live_AbCd"))
                .andExpect(jsonPath("$[0].scopes.length()").value(3))
                .andExpect(jsonPath("$[0].key").doesNotExist());
    }

    @Test
    void anUnknownScopeOrAPastExpiryIsRefusedBeforeAnythingIsStored() throws Exception {
        mvc.perform(post("/admin/v1/tenants/acme/keys").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"sync\", \"scopes\": [\"segmentation:admin\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("scopes"))
                .andExpect(jsonPath("$.detail").value("Scope 'segmentation:admin' is not one of segmentation:read, "
                        + "segmentation:write, segmentation:delete."));
        mvc.perform(post("/admin/v1/tenants/acme/keys").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"sync\", \"scopes\": [\"segmentation:read\"], "
                                + "\"expiresAt\": \"2020-01-01T00:00:00Z\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("expiresAt"));
        mvc.perform(post("/admin/v1/tenants/acme/keys").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"sync\", \"scopes\": [\"segmentation:read\"], "
                                + "\"expiresAt\": \"+100000-01-01T00:00:00Z\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("expiresAt"));
        mvc.perform(post("/admin/v1/tenants/acme/keys").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"sync\", \"scopes\": []}"))
                .andExpect(status().isBadRequest());
        then(keys).should(never()).issue(any(), any(), any(), any());
    }

    @Test
    void oneKeyIsReadWithoutItsSecretAndAnotherTenantsIsA404() throws Exception {
        given(keys.get("acme", KEY)).willReturn(Optional.of(new StoredKeys.StoredKey(KEY, "acme", "sync",
                "cs_live_AbCd", EnumSet.of(Scope.READ), CREATED, null, null, CREATED.plusSeconds(3600))));

        mvc.perform(get("/admin/v1/tenants/acme/keys/" + KEY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revokedAt").value("2026-12-06T11:00:00Z"))
                .andExpect(jsonPath("$.key").doesNotExist());
        mvc.perform(get("/admin/v1/tenants/globex/keys/" + KEY))
                .andExpect(status().isNotFound());
    }

    @Test
    void revokingAKeyTheTenantDoesNotHaveIsA404() throws Exception {
        given(keys.revoke("acme", KEY)).willReturn(false);

        mvc.perform(delete("/admin/v1/tenants/acme/keys/" + KEY))
                .andExpect(status().isNotFound());
    }

    @Test
    void revokingAnActiveKeyIsA204() throws Exception {
        given(keys.revoke("acme", KEY)).willReturn(true);

        mvc.perform(delete("/admin/v1/tenants/acme/keys/" + KEY))
                .andExpect(status().isNoContent());
    }
}
