package org.customersegmentation.segmentation.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.customersegmentation.engine.Preprocessing;
import org.customersegmentation.support.PostgresForTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Status changes as PostgreSQL makes them: each UPDATE names the statuses it may start from, so a change that a
 * concurrent one has made impossible changes nothing, and says so by its row count.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(PostgresForTests.class)
class JobTransitionsTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Autowired
    SegmentationJobRepository jobs;

    @Autowired
    JdbcTemplate jdbc;

    UUID datasetId;

    @BeforeEach
    void dataset() {
        datasetId = UUID.randomUUID();
        jdbc.update("INSERT INTO dataset (id, tenant_id, name, row_count, created_at, row_layout) "
                + "VALUES (?, 'acme', 'transitions', 3, now(), 'COLUMNS')", datasetId);
    }

    UUID queuedJob() {
        EffectiveRequest request = new EffectiveRequest(datasetId, 2, null, null, List.of("age"),
                Preprocessing.Scaling.STANDARD, List.of(), Preprocessing.Imputation.MEDIAN, 42, 10, 100, 1e-4, null,
                null, null, null);
        return jobs.saveAndFlush(new SegmentationJob(UUID.randomUUID(), "acme", request, NOW, null)).id();
    }

    JobStatus status(UUID id) {
        return JobStatus.valueOf(jdbc.queryForObject("SELECT status FROM segmentation_job WHERE id = ?", String.class, id));
    }

    @Test
    void eachClaimIsANewAttempt() {
        UUID id = queuedJob();

        assertThat(jobs.start(id, NOW)).isTrue();
        assertThat(jobs.start(id, NOW.plusSeconds(45))).as("the next attempt after a dead instance").isTrue();

        SegmentationJob job = jobs.findById(id).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.attempt()).isEqualTo(2);
        assertThat(job.startedAt()).isEqualTo(NOW.plusSeconds(45));
    }

    @Test
    void onlyTheLatestAttemptEndsAJob() {
        UUID id = queuedJob();
        jobs.start(id, NOW);
        jobs.start(id, NOW);

        assertThat(jobs.succeed(id, 1, NOW)).as("a stale attempt").isFalse();
        assertThat(jobs.fail(id, 1, "t", "d", NOW)).isFalse();
        assertThat(status(id)).isEqualTo(JobStatus.RUNNING);

        assertThat(jobs.succeed(id, 2, NOW)).isTrue();
        assertThat(status(id)).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void aQueuedJobCannotSucceedWithoutRunning() {
        UUID id = queuedJob();

        assertThat(jobs.succeed(id, 0, NOW)).isFalse();
        assertThat(status(id)).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void aCancelAfterSuccessChangesNothing() {
        UUID id = queuedJob();
        jobs.start(id, NOW);
        jobs.succeed(id, 1, NOW);

        assertThat(jobs.cancel(id, "acme", NOW.plusSeconds(1))).isFalse();

        SegmentationJob job = jobs.findById(id).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.finishedAt()).isEqualTo(NOW);
    }

    @Test
    void aSuccessAfterACancelChangesNothing() {
        UUID id = queuedJob();
        jobs.start(id, NOW);
        assertThat(jobs.cancel(id, "acme", NOW)).isTrue();

        assertThat(jobs.succeed(id, 1, NOW)).isFalse();
        assertThat(jobs.fail(id, 1, "t", "d", NOW)).isFalse();
        assertThat(jobs.start(id, NOW)).as("a cancelled job never runs again").isFalse();
        assertThat(status(id)).isEqualTo(JobStatus.CANCELLED);
    }

    @Test
    void anotherTenantCannotCancel() {
        UUID id = queuedJob();

        assertThat(jobs.cancel(id, "globex", NOW)).isFalse();
        assertThat(status(id)).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void onlyAFinishedJobIsDeleted() {
        UUID id = queuedJob();
        jobs.start(id, NOW);

        assertThat(jobs.deleteFinished(id, "acme")).isFalse();
        assertThat(jobs.existsById(id)).isTrue();

        jobs.fail(id, 1, "Segmentation failed", "why", NOW);
        assertThat(jobs.deleteFinished(id, "globex")).isFalse();
        assertThat(jobs.deleteFinished(id, "acme")).isTrue();
        assertThat(jobs.existsById(id)).isFalse();
    }

    @Test
    void aFailureRecordsWhy() {
        UUID id = queuedJob();
        jobs.start(id, NOW);

        assertThat(jobs.fail(id, 1, "Segmentation failed", "k is larger than the customers", NOW)).isTrue();

        assertThat(jdbc.queryForMap("SELECT status, error_title, error_detail FROM segmentation_job WHERE id = ?", id))
                .containsEntry("status", "FAILED").containsEntry("error_title", "Segmentation failed")
                .containsEntry("error_detail", "k is larger than the customers");
    }
}
