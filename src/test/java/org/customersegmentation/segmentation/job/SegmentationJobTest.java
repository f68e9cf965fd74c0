package org.customersegmentation.segmentation.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.customersegmentation.engine.Preprocessing;
import org.junit.jupiter.api.Test;

class SegmentationJobTest {

    final Instant now = Instant.parse("2026-11-23T10:00:00Z");
    final EffectiveRequest request = new EffectiveRequest(UUID.randomUUID(), 3, null, null, List.of("age"), Preprocessing.Scaling.STANDARD, List.of(), Preprocessing.Imputation.MEDIAN, 42, 10, 100, 1e-4, null, null, null, null);

    @Test
    void eachClaimCountsAsAnAttempt() {
        SegmentationJob job = new SegmentationJob(UUID.randomUUID(), "acme", request, now);

        job.start(now);

        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.attempt()).isEqualTo(1);
        assertThat(job.request()).isEqualTo(request);
    }

    @Test
    void aFinishedJobCannotBeFinishedAgain() {
        SegmentationJob job = new SegmentationJob(UUID.randomUUID(), "acme", request, now);
        job.start(now);
        job.fail("Segmentation failed", "why", now);

        assertThatThrownBy(() -> job.succeed(now)).isInstanceOf(IllegalStateException.class).hasMessageContaining("FAILED to SUCCEEDED");
        assertThatThrownBy(() -> new SegmentationJob(UUID.randomUUID(), "acme", request, now).succeed(now))
                .hasMessageContaining("QUEUED to SUCCEEDED");
    }

    @Test
    void aJobWhoseAttemptDiedIsStartedAgainAsTheNextAttempt() {
        SegmentationJob job = new SegmentationJob(UUID.randomUUID(), "acme", request, now);
        job.start(now);

        Instant later = now.plusSeconds(45);
        job.start(later);

        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.attempt()).isEqualTo(2);
        assertThat(job.startedAt()).isEqualTo(later);
    }
}
