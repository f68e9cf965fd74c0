package org.customersegmentation.overtime.comparison;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.customersegmentation.common.ConflictException;
import org.customersegmentation.common.InvalidInputException;
import org.customersegmentation.web.Download;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The comparison and the movers over HTTP; the tenant principal is null with filters off. */
@WebMvcTest(ComparisonController.class)
@AutoConfigureMockMvc(addFilters = false)
class ComparisonControllerTest {

    static final UUID JOB = UUID.fromString("3b0f6c52-4d55-4f43-9a57-1f2b7f0a9e01");
    static final UUID EARLIER = UUID.fromString("8c1d0e7a-2a7b-4f7e-b1a0-6f3c2d1e0b9a");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Comparisons comparisons;

    @Test
    void theComparisonIsJson() throws Exception {
        given(comparisons.compare(any(), eq(JOB), eq(EARLIER))).willReturn(new Comparison(JOB, EARLIER, 5, 1, 2, 0.25,
                new Comparison.Migration(List.of(new Comparison.SegmentRef(0, "S1", "Loyal")),
                        List.of(new Comparison.SegmentRef(0, "S1", "Loyal"), new Comparison.SegmentRef(1, "S2", "New")),
                        new long[][] {{3, 2}}), List.of(new Comparison.Stayed("S1", 5, 3, 0.6))));

        mvc.perform(get("/api/v1/segmentations/{id}/comparison", JOB).queryParam("with", EARLIER.toString()))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.commonCustomers").value(5))
                .andExpect(jsonPath("$.onlyInThis").value(1))
                .andExpect(jsonPath("$.onlyInOther").value(2))
                .andExpect(jsonPath("$.adjustedRandIndex").value(0.25))
                .andExpect(jsonPath("$.migration.from[0].key").value("S1"))
                .andExpect(jsonPath("$.migration.to[1].name").value("New"))
                .andExpect(jsonPath("$.migration.counts[0][1]").value(2))
                .andExpect(jsonPath("$.stayed[0].share").value(0.6));
    }

    @Test
    void withoutWithTheComparisonIsABadRequestNamingIt() throws Exception {
        mvc.perform(get("/api/v1/segmentations/{id}/comparison", JOB))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Required parameter 'with' is not present."));
        then(comparisons).should(never()).compare(any(), any(), any());
    }

    @Test
    void textCsvStreamsTheMoversAsAnAttachment() throws Exception {
        willAnswer(invocation -> {
            invocation.<Download>getArgument(5).open()
                    .write("customerId,fromKey,fromName,toKey,toName\nC1,S1,a,S2,b\n".getBytes(StandardCharsets.UTF_8));
            return null;
        }).given(comparisons).exportCsv(any(), eq(JOB), eq(EARLIER), eq("S1"), isNull(), any());

        mvc.perform(get("/api/v1/segmentations/{id}/comparison/movers", JOB).queryParam("with", EARLIER.toString())
                        .queryParam("fromKey", "S1").header("Accept", "text/csv"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"segmentation-" + JOB + "-movers.csv\""))
                .andExpect(content().string("customerId,fromKey,fromName,toKey,toName\nC1,S1,a,S2,b\n"));
    }

    @Test
    void ndjsonStreamsTheMoversAsAnAttachment() throws Exception {
        willAnswer(invocation -> {
            invocation.<Download>getArgument(5).open()
                    .write("{\"customerId\":\"C1\"}\n".getBytes(StandardCharsets.UTF_8));
            return null;
        }).given(comparisons).exportNdjson(any(), eq(JOB), eq(EARLIER), isNull(), eq("S2"), any());

        mvc.perform(get("/api/v1/segmentations/{id}/comparison/movers", JOB).queryParam("with", EARLIER.toString())
                        .queryParam("toKey", "S2").header("Accept", "application/x-ndjson"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/x-ndjson"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"segmentation-" + JOB + "-movers.ndjson\""))
                .andExpect(content().string("{\"customerId\":\"C1\"}\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "*/*", "application/json"})
    void withoutAskingForCsvOrNdjsonTheMoversAreNotAcceptable(String accept) throws Exception {
        var request = get("/api/v1/segmentations/{id}/comparison/movers", JOB).queryParam("with", EARLIER.toString());
        mvc.perform(accept.isEmpty() ? request : request.header("Accept", accept))
                .andExpect(status().isNotAcceptable())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().doesNotExist("Content-Disposition"))
                .andExpect(jsonPath("$.detail").value("The movers come as a download: send Accept: text/csv or "
                        + "Accept: application/x-ndjson."));
        then(comparisons).should(never()).exportCsv(any(), any(), any(), any(), any(), any());
    }

    @Test
    void anUnknownKeyOrAnUnfinishedJobIsAProblemWithoutAnAttachment() throws Exception {
        willThrow(new InvalidInputException("Invalid request parameter", "toKey S9 is not a key of segmentation "
                + JOB + "; its keys are S1, S2.", Map.of("parameter", "toKey")))
                .given(comparisons).exportCsv(any(), eq(JOB), eq(EARLIER), any(), eq("S9"), any());
        willThrow(new ConflictException("Segmentation not finished", "Segmentation " + EARLIER + " is RUNNING; "
                + "results exist only once it has SUCCEEDED.", Map.of("jobStatus", "RUNNING")))
                .given(comparisons).exportNdjson(any(), eq(JOB), eq(EARLIER), any(), any(), any());

        mvc.perform(get("/api/v1/segmentations/{id}/comparison/movers", JOB).queryParam("with", EARLIER.toString())
                        .queryParam("toKey", "S9").header("Accept", "text/csv"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().doesNotExist("Content-Disposition"))
                .andExpect(jsonPath("$.parameter").value("toKey"));
        mvc.perform(get("/api/v1/segmentations/{id}/comparison/movers", JOB).queryParam("with", EARLIER.toString())
                        .header("Accept", "application/x-ndjson"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.jobStatus").value("RUNNING"));
    }
}
