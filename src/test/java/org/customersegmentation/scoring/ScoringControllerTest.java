package org.customersegmentation.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.customersegmentation.common.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Scoring new customers over HTTP: the JSON array goes to SegmentScoring as read, its predictions come back. */
@WebMvcTest(ScoringController.class)
@AutoConfigureMockMvc(addFilters = false)
class ScoringControllerTest {

    static final UUID JOB = UUID.fromString("3b0f6c52-4d55-4f43-9a57-1f2b7f0a9e01");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SegmentScoring scoring;

    @Test
    void theCustomersArePlacedAsSent() throws Exception {
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<Map<String, Object>>> customers = ArgumentCaptor.forClass(List.class);
        given(scoring.predict(any(), eq(JOB), customers.capture())).willReturn(List.of(
                new PredictionView("C101", 1, "S2", "Young spenders", "Low age", 0.5, new double[] {2.25, 0.5}),
                new PredictionView(null, 0, "S1", "High age", "High age", 0.75, new double[] {0.75, 3.0})));

        mvc.perform(post("/api/v1/segmentations/{id}/predict", JOB).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                [{"customer_id": "C101", "age": 29, "annual_income": 52000.5, "region": "North"},
                                 {"age": "58", "annual_income": null, "region": "South"}]"""))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].customerId").value("C101"))
                .andExpect(jsonPath("$[0].segment").value(1))
                .andExpect(jsonPath("$[0].name").value("Young spenders"))
                .andExpect(jsonPath("$[0].label").value("Low age"))
                .andExpect(jsonPath("$[0].distance").value(0.5))
                .andExpect(jsonPath("$[0].distances[0]").value(2.25))
                .andExpect(jsonPath("$[1].customerId").isEmpty())
                .andExpect(jsonPath("$[1].distances[1]").value(3.0));

        List<Map<String, Object>> sent = customers.getValue();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0)).containsEntry("customer_id", "C101").containsEntry("age", 29)
                .containsEntry("annual_income", 52000.5).containsEntry("region", "North");
        Map<String, Object> second = new HashMap<>();
        second.put("age", "58");
        second.put("annual_income", null); // kept as a key: null is a missing value, an absent key a 400
        second.put("region", "South");
        assertThat(sent.get(1)).isEqualTo(second);
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupported() throws Exception {
        mvc.perform(post("/api/v1/segmentations/{id}/predict", JOB).contentType("text/csv").content("age\n29\n"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("text/csv")))
                .andExpect(header().string("Accept", "application/json"));
        then(scoring).should(never()).predict(any(), any(), any());
    }

    @Test
    void aJsonObjectInsteadOfAnArrayIsABadRequest() throws Exception {
        mvc.perform(post("/api/v1/segmentations/{id}/predict", JOB).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"age\": 29}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid request body"));
        then(scoring).should(never()).predict(any(), any(), any());
    }

    @Test
    void aCustomerMissingAFeatureIsABadRequestNamingIt() throws Exception {
        given(scoring.predict(any(), eq(JOB), any())).willThrow(new InvalidInputException("Invalid customers to score",
                "Customer 0 has no 'age'.", Map.of("customer", 0, "feature", "age")));

        mvc.perform(post("/api/v1/segmentations/{id}/predict", JOB).contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"region\": \"North\"}]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid customers to score"))
                .andExpect(jsonPath("$.customer").value(0))
                .andExpect(jsonPath("$.feature").value("age"));
    }
}
