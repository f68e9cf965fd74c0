package org.customersegmentation.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
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

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.customersegmentation.common.ConflictException;
import org.customersegmentation.common.NotFoundException;
import org.customersegmentation.segmentation.SucceededJob;
import org.customersegmentation.web.Download;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The result and assignments of a finished job over HTTP; the tenant principal is null with filters off. */
@WebMvcTest(ResultController.class)
@AutoConfigureMockMvc(addFilters = false)
class ResultControllerTest {

    static final UUID JOB = UUID.fromString("3b0f6c52-4d55-4f43-9a57-1f2b7f0a9e01");
    static final UUID DATASET = UUID.fromString("8c1d0e7a-2a7b-4f7e-b1a0-6f3c2d1e0b9a");
    static final URI REPORT = URI.create("http://localhost/api/v1/segmentations/" + JOB + "/report?token=t0k3n");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Results results;

    @MockitoBean
    ReportLinks reportLinks;

    @Test
    void theResultCarriesTheSignedReportLink() throws Exception {
        given(results.finished(any(), eq(JOB))).willReturn(finished());
        given(reportLinks.reportUrl(any(), eq(JOB))).willReturn(REPORT);

        mvc.perform(get("/api/v1/segmentations/{id}/result", JOB))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.jobId").value(JOB.toString()))
                .andExpect(jsonPath("$.k").value(2))
                .andExpect(jsonPath("$.features[0]").value("age"))
                .andExpect(jsonPath("$.metrics.silhouette").value(0.61))
                .andExpect(jsonPath("$.preprocessing[0].center").value(40.0))
                .andExpect(jsonPath("$.preprocessing[0].oneHot").doesNotExist())
                .andExpect(jsonPath("$.segments[1].label").value("older"))
                .andExpect(jsonPath("$.segments[1].centroid.age").value(58.0))
                .andExpect(jsonPath("$.reportUrl").value(REPORT.toString()));
    }

    @Test
    void assignmentsComeOnePageAtATime() throws Exception {
        ArgumentCaptor<Pageable> pageable = ArgumentCaptor.forClass(Pageable.class);
        given(results.assignments(any(), eq(JOB), any(), pageable.capture())).willAnswer(invocation -> new PageImpl<>(
                List.of(new Assignment(5, "C005", 1, "S2", "older", 0.25), new Assignment(6, "C006", 0, "S1", "younger", 1.5)),
                invocation.getArgument(3), 7));

        mvc.perform(get("/api/v1/segmentations/{id}/assignments", JOB).queryParam("page", "2").queryParam("size", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(2))
                .andExpect(jsonPath("$.content[0].customerId").value("C005"))
                .andExpect(jsonPath("$.content[0].segment").value(1))
                .andExpect(jsonPath("$.content[0].name").value("older"))
                .andExpect(jsonPath("$.content[0].distance").value(0.25))
                .andExpect(jsonPath("$.content[0].rowNumber").doesNotExist())
                .andExpect(jsonPath("$.page.number").value(2))
                .andExpect(jsonPath("$.page.size").value(2))
                .andExpect(jsonPath("$.page.totalElements").value(7))
                .andExpect(jsonPath("$.page.totalPages").value(4));

        assertThat(pageable.getValue().getPageNumber()).isEqualTo(2);
        assertThat(pageable.getValue().getPageSize()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 10001})
    void aPageSizeOutside1To10000IsABadRequest(int size) throws Exception {
        mvc.perform(get("/api/v1/segmentations/{id}/assignments", JOB).queryParam("size", Integer.toString(size)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid request parameter"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("size must be")));
        then(results).should(never()).assignments(any(), any(), any(), any());
    }

    @Test
    void anUnknownJobIsNotFound() throws Exception {
        given(results.finished(any(), eq(JOB))).willThrow(new NotFoundException("segmentation", JOB));

        mvc.perform(get("/api/v1/segmentations/{id}/result", JOB))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("tag:customer-segmentation,2026:problem:not-found"))
                .andExpect(jsonPath("$.detail").value("No segmentation with id " + JOB + "."));
    }

    @Test
    void assignmentsOfAJobStillRunningAreAConflict() throws Exception {
        given(results.assignments(any(), eq(JOB), any(), any())).willThrow(new ConflictException("Segmentation not finished",
                "Segmentation " + JOB + " is RUNNING; results exist only once it has SUCCEEDED.", Map.of("jobStatus", "RUNNING")));

        mvc.perform(get("/api/v1/segmentations/{id}/assignments", JOB))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Segmentation not finished"))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.jobStatus").value("RUNNING"))
                .andExpect(jsonPath("$.detail").value("Segmentation " + JOB + " is RUNNING; results exist only once it has SUCCEEDED."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "*/*", "application/json", "application/json, text/csv, application/x-ndjson",
            "text/html;q=0.9, application/json"})
    void withoutAskingForCsvOrNdjsonTheAssignmentsComeAsAPage(String accept) throws Exception {
        given(results.assignments(any(), eq(JOB), any(), any())).willAnswer(invocation -> new PageImpl<>(
                List.of(new Assignment(1, "C001", 0, "S1", "younger", 0.5)), invocation.getArgument(3), 1));

        var request = get("/api/v1/segmentations/{id}/assignments", JOB);
        mvc.perform(accept.isEmpty() ? request : request.header("Accept", accept))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(header().doesNotExist("Content-Disposition"))
                .andExpect(jsonPath("$.content[0].customerId").value("C001"));
        then(results).should(never()).exportCsv(any(), any(), any(), any());
    }

    @Test
    void theSegmentFilterReachesThePage() throws Exception {
        given(results.assignments(any(), eq(JOB), eq(List.of(0, 2)), any())).willAnswer(invocation ->
                new PageImpl<>(List.of(), invocation.getArgument(3), 0));

        mvc.perform(get("/api/v1/segmentations/{id}/assignments?segment=0&segment=2", JOB))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(0));
    }

    @Test
    void textCsvStreamsAnAttachment() throws Exception {
        willAnswer(invocation -> {
            invocation.<Download>getArgument(3).open()
                    .write("customerId,segment,key,name,distance\nC001,0,S1,younger,0.5\n".getBytes(StandardCharsets.UTF_8));
            return null;
        }).given(results).exportCsv(any(), eq(JOB), eq(List.of(1)), any());

        mvc.perform(get("/api/v1/segmentations/{id}/assignments?segment=1", JOB).header("Accept", "text/csv"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"segmentation-" + JOB + "-assignments.csv\""))
                .andExpect(content().string("customerId,segment,key,name,distance\nC001,0,S1,younger,0.5\n"));
        then(results).should(never()).assignments(any(), any(), any(), any());
    }

    @Test
    void ndjsonStreamsAnAttachment() throws Exception {
        willAnswer(invocation -> {
            invocation.<Download>getArgument(3).open().write("{\"customerId\":\"C001\"}\n"
                    .getBytes(StandardCharsets.UTF_8));
            return null;
        }).given(results).exportNdjson(any(), eq(JOB), eq(null), any());

        mvc.perform(get("/api/v1/segmentations/{id}/assignments", JOB).header("Accept", "application/x-ndjson"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/x-ndjson"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"segmentation-" + JOB + "-assignments.ndjson\""))
                .andExpect(content().string("{\"customerId\":\"C001\"}\n"));
    }

    @Test
    void anExportThatCannotStartIsAProblemWithoutAnAttachment() throws Exception {
        willThrow(new ConflictException("Segmentation not finished", "Segmentation " + JOB + " is RUNNING; results "
                + "exist only once it has SUCCEEDED.", Map.of("jobStatus", "RUNNING")))
                .given(results).exportCsv(any(), eq(JOB), any(), any());

        mvc.perform(get("/api/v1/segmentations/{id}/assignments", JOB).header("Accept", "text/csv"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().doesNotExist("Content-Disposition"))
                .andExpect(jsonPath("$.jobStatus").value("RUNNING"));
    }

    @Test
    void oneCustomerIsLookedUpByItsId() throws Exception {
        given(results.assignment(any(), eq(JOB), eq("=HYPERLINK(\"x\")")))
                .willReturn(new Assignment(3, "=HYPERLINK(\"x\")", 1, "S2", "older", 0.75));

        mvc.perform(get("/api/v1/segmentations/{id}/assignments/{customerId}", JOB, "=HYPERLINK(\"x\")"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customerId").value("=HYPERLINK(\"x\")"))
                .andExpect(jsonPath("$.segment").value(1))
                .andExpect(jsonPath("$.name").value("older"))
                .andExpect(jsonPath("$.distance").value(0.75))
                .andExpect(jsonPath("$.rowNumber").doesNotExist());
    }

    @Test
    void anUnknownCustomerIsNotFound() throws Exception {
        given(results.assignment(any(), eq(JOB), eq("C404"))).willThrow(new NotFoundException("customer", "C404"));

        mvc.perform(get("/api/v1/segmentations/{id}/assignments/{customerId}", JOB, "C404"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("No customer with id C404."));
    }

    private static FinishedSegmentation finished() {
        SegmentationResult result = new SegmentationResult(JOB, 2, List.of("age"), 0,
                new SegmentationResult.Metrics(12.5, 0.61, 4, 0.4, 30.0), null,
                List.of(new SegmentationResult.FeaturePreparation("age", null, 40.0, 40.0, 12.0, null)),
                List.of(segment(0, "younger", 3, 28.0), segment(1, "older", 1, 58.0)), null, null);
        return new FinishedSegmentation(new SucceededJob(JOB, DATASET, Instant.parse("2026-11-23T10:05:00Z"), 42,
                List.of("age")), result, null);
    }

    private static SegmentationResult.Segment segment(int number, String label, int size, double age) {
        return new SegmentationResult.Segment(number, "S" + (number + 1), label, SegmentationResult.NameSource.AUTOMATIC, label, null,
                List.of(), size, size / 4.0, null, null, List.of(new SegmentationResult.Trait("age", "age", null, "high", 0.8,
                "strong", age, 40.0)), "A summary.", Map.of("age", 0.8),
                Map.of("age", age), Map.of("age", new SegmentationResult.FeatureSummary(age, 1.0, age - 1, age - 0.5,
                        age, age + 0.5, age + 1, age - 1, age + 1)),
                Map.of());
    }
}
