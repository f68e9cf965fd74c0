package org.customersegmentation.segmentation.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.customersegmentation.engine.Preprocessing;
import org.junit.jupiter.api.Test;

class SegmentationJobTest {

    final Instant now = Instant.parse("2026-11-23T10:00:00Z");
    final EffectiveRequest request = new EffectiveRequest(UUID.randomUUID(), 3, null, null, List.of("age"), Preprocessing.Scaling.STANDARD, List.of(), Preprocessing.Imputation.MEDIAN, 42, 10, 100, 1e-4, null, null, null, null);

    @Test
    void aNewJobIsQueuedWithItsRequestAsGiven() {
        SegmentationJob job = new SegmentationJob(UUID.randomUUID(), "acme", request, now, null);

        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.attempt()).isZero();
        assertThat(job.request()).isEqualTo(request);
        assertThat(job.createdAt()).isEqualTo(now);
    }
}
