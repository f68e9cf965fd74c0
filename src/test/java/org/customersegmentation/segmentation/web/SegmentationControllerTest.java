package org.customersegmentation.segmentation.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.customersegmentation.engine.Preprocessing;
import org.customersegmentation.idempotency.IdempotentRequests;
import org.customersegmentation.segmentation.job.EffectiveRequest;
import org.customersegmentation.segmentation.job.JobStatus;
import org.customersegmentation.segmentation.job.JobView;
import org.customersegmentation.segmentation.job.JobService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The job resource's HTTP contract: status codes, Location and when to poll again. Security is tested end to end. */
@WebMvcTest(SegmentationController.class)
@AutoConfigureMockMvc(addFilters = false)
class SegmentationControllerTest {

    static final UUID JOB = UUID.fromString("3b0f6c52-4d55-4f43-9a57-1f2b7f0a9e01");
    static final UUID DATASET = UUID.fromString("8c1d0e7a-2a7b-4f7e-b1a0-6f3c2d1e0b9a");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    JobService segmentations;

    @MockitoBean
    IdempotentRequests idempotentRequests;

    @Test
    void startingAJobAnswersAcceptedWithWhereAndWhenToPoll() throws Exception {
        given(segmentations.create(any(), any())).willReturn(job(JobStatus.QUEUED));

        mvc.perform(post("/api/v1/segmentations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"datasetId\": \"" + DATASET + "\", \"k\": 3}"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/segmentations/" + JOB))
                .andExpect(header().string("Retry-After", "2"))
                .andExpect(jsonPath("$.status").value("QUEUED"))
                .andExpect(jsonPath("$.request.seed").value(42));
    }

    @ParameterizedTest
    @EnumSource(value = JobStatus.class, names = {"QUEUED", "RUNNING"})
    void anUnfinishedJobSaysWhenToPollAgain(JobStatus status) throws Exception {
        given(segmentations.get(any(), any())).willReturn(job(status));

        mvc.perform(get("/api/v1/segmentations/" + JOB))
                .andExpect(status().isOk())
                .andExpect(header().string("Retry-After", "2"))
                .andExpect(jsonPath("$.status").value(status.name()));
    }

    @ParameterizedTest
    @EnumSource(value = JobStatus.class, names = {"SUCCEEDED", "FAILED", "CANCELLED"})
    void aFinishedJobDoesNot(JobStatus status) throws Exception {
        given(segmentations.get(any(), any())).willReturn(job(status));

        mvc.perform(get("/api/v1/segmentations/" + JOB))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Retry-After"));
    }

    private static JobView job(JobStatus status) {
        Instant created = Instant.parse("2026-11-23T10:00:00Z");
        return new JobView(JOB, DATASET, status, created, null, null, null,
                new EffectiveRequest(DATASET, 3, null, null, List.of("age"), Preprocessing.Scaling.STANDARD, List.of(), Preprocessing.Imputation.MEDIAN, 42, 10, 100, 1e-4, null, null, null, null), null, null);
    }
}
