package org.customersegmentation.audit;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The audit log's filters reach the log as asked, and its page comes back as one. */
@WebMvcTest(controllers = AuditController.class, properties = "segmentation.operator.key=an-operator-key-of-at-least-32-bytes")
@AutoConfigureMockMvc(addFilters = false)
class AuditControllerTest {

    static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-12-02T00:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AuditLog audit;

    @Test
    void theFiltersAndPageReachTheLog() throws Exception {
        AuditEvent deleted = new AuditEvent(7, FROM.plusSeconds(60), "acme", "key:1", "deleteDataset", "dataset",
                "d-1", 204, "4bf92f3577b34da6a3ce929d0e0e4736");
        given(audit.find(eq("acme"), eq(FROM), eq(TO), any()))
                .willReturn(new PageImpl<>(List.of(deleted), PageRequest.of(2, 10), 21));

        mvc.perform(get("/admin/v1/audit-events").queryParam("tenant", "acme").queryParam("from", FROM.toString())
                        .queryParam("to", TO.toString()).queryParam("page", "2").queryParam("size", "10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].action").value("deleteDataset"))
                .andExpect(jsonPath("$.content[0].requestId").value("4bf92f3577b34da6a3ce929d0e0e4736"))
                .andExpect(jsonPath("$.page.totalElements").value(21));
        then(audit).should().find("acme", FROM, TO, PageRequest.of(2, 10));
    }

    @Test
    void aPageLargerThanAThousandEventsIsA400() throws Exception {
        mvc.perform(get("/admin/v1/audit-events").queryParam("size", "1001"))
                .andExpect(status().isBadRequest());
    }
}
