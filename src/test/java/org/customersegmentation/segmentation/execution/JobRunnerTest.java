package org.customersegmentation.segmentation.execution;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.customersegmentation.dataset.CustomerFeatures;
import org.customersegmentation.dataset.Datasets;
import org.customersegmentation.engine.EngineException;
import org.customersegmentation.engine.Preprocessing;
import org.customersegmentation.observability.TraceContexts;
import org.customersegmentation.segmentation.job.EffectiveRequest;
import org.customersegmentation.segmentation.job.JobLimits;
import org.customersegmentation.segmentation.job.SegmentationJobRepository;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;

/** What a run does when it fails: the request's or data's fault ends the job, anything else is tried again. */
class JobRunnerTest {

    final UUID jobId = UUID.randomUUID();
    final EffectiveRequest request = new EffectiveRequest(UUID.randomUUID(), 3, null, null, List.of("age"),
            Preprocessing.Scaling.STANDARD, List.of(), Preprocessing.Imputation.MEDIAN, 42, 10, 100, 1e-4, null, null, null, null);
    final Datasets datasets = mock(Datasets.class);
    final JobLifecycle lifecycle = mock(JobLifecycle.class);
    final JobLimits limits = new JobLimits(20, Duration.ofMinutes(30), 1);
    final TraceContexts untraced = new TraceContexts(Tracer.NOOP, Propagator.NOOP);
    final JobRunner runner = new JobRunner(datasets, lifecycle,
            new RunningJobs(mock(SegmentationJobRepository.class), null, limits, Clock.systemUTC()), limits,
            mock(SegmentationJobRepository.class), untraced);

    @Test
    void anInfrastructureFailureIsThrownToTheSchedulerToTryAgainBeforeTheLastAttempt() {
        claimedAsAttempt(JobRunner.MAX_ATTEMPTS - 1);
        when(datasets.features(any(), anyList())).thenThrow(new IllegalStateException("a bug"));

        assertThatThrownBy(() -> runner.run(jobId)).isInstanceOf(IllegalStateException.class);

        verify(lifecycle, never()).fail(any(), any(), any());
    }

    @Test
    void onTheLastAttemptAnInfrastructureFailureEndsTheJob() {
        JobLifecycle.ClaimedJob claim = claimedAsAttempt(JobRunner.MAX_ATTEMPTS);
        when(datasets.features(any(), anyList())).thenThrow(new IllegalStateException("a bug"));

        runner.run(jobId);

        verify(lifecycle).fail(eq(claim), eq("Internal error"), startsWith("The job failed 3 times"));
    }

    @Test
    void aLostDatabaseIsTriedAgainHoweverManyAttemptsItCost() {
        claimedAsAttempt(JobRunner.MAX_ATTEMPTS + 2);
        when(datasets.features(any(), anyList())).thenThrow(new CannotGetJdbcConnectionException("no connection",
                new SQLException("terminating connection due to administrator command", "57P01")));

        assertThatThrownBy(() -> runner.run(jobId)).isInstanceOf(CannotGetJdbcConnectionException.class);

        verify(lifecycle, never()).fail(any(), any(), any());
    }

    @Test
    void runningOutOfMemoryIsTriedAgainAndOnTheLastAttemptEndsTheJobSayingSo() {
        claimedAsAttempt(1);
        when(datasets.features(any(), anyList())).thenThrow(new OutOfMemoryError("Java heap space"));
        assertThatThrownBy(() -> runner.run(jobId)).isInstanceOf(OutOfMemoryError.class);
        verify(lifecycle, never()).fail(any(), any(), any());

        JobLifecycle.ClaimedJob last = claimedAsAttempt(JobRunner.MAX_ATTEMPTS);
        runner.run(jobId);
        verify(lifecycle).fail(eq(last), eq("Out of memory"), startsWith("The service ran out of memory on this job 3 times"));
    }

    @Test
    void aJobTheDataCannotSatisfyFailsAtOnce() {
        JobLifecycle.ClaimedJob claim = claimedAsAttempt(1);
        when(datasets.features(any(), anyList())).thenThrow(new EngineException("too few"));

        runner.run(jobId);

        verify(lifecycle).fail(claim, "Segmentation failed", "too few");
    }

    @Test
    void aJobPastItsTimeLimitIsStoppedAndFailedSayingSo() {
        JobLimits instantly = new JobLimits(20, Duration.ofNanos(1), 1);
        SegmentationJobRepository jobs = mock(SegmentationJobRepository.class);
        when(jobs.findRunningAmong(anyCollection())).thenReturn(List.of(jobId));
        RunningJobs running = new RunningJobs(jobs, mock(JdbcTemplate.class), instantly, Clock.systemUTC());
        JobRunner limited = new JobRunner(datasets, lifecycle, running, instantly, jobs, untraced);
        JobLifecycle.ClaimedJob claim = claimedAsAttempt(1);
        when(datasets.features(any(), anyList())).thenAnswer(call -> {
            running.reportProgressAndStopCancelled(); // the once-a-second check, while the job loads
            return new CustomerFeatures(new String[] {"a", "b", "c"}, List.of("age"), new double[][] {{1}, {2}, {30}},
                    List.of());
        });

        limited.run(jobId);

        verify(lifecycle).fail(eq(claim), eq("Time limit exceeded"), startsWith("The segmentation ran longer than its time "
                + "limit (PT0.000000001S)"));
        verify(lifecycle, never()).succeed(any(), any(), any());
    }

    @Test
    void aFinishedOrDeletedJobIsNotRun() {
        when(lifecycle.claim(jobId)).thenReturn(Optional.empty());

        runner.run(jobId);

        verify(datasets, never()).features(any(), anyList());
    }

    private JobLifecycle.ClaimedJob claimedAsAttempt(int attempt) {
        JobLifecycle.ClaimedJob claim = new JobLifecycle.ClaimedJob(jobId, "acme", attempt, request);
        when(lifecycle.claim(jobId)).thenReturn(Optional.of(claim));
        return claim;
    }
}
