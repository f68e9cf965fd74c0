package org.customersegmentation.segmentation.execution;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.customersegmentation.engine.RunControl;
import org.customersegmentation.segmentation.job.JobLimits;
import org.customersegmentation.segmentation.job.SegmentationJobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The jobs this instance is computing, each with the handle that reports its progress and stops it. Once a second
 * it writes their progress (to job_progress, never to the job rows, which change only with a job's status), asks
 * the database which of them are no longer RUNNING (cancelled on whichever instance the cancel arrived, or deleted
 * with their dataset), and stops those: their outcome could not be stored anyway. A job that has run longer than {@link JobLimits#maxRunTime()} is stopped too, to be FAILED.
 */
@Component
public class RunningJobs {

    private final Map<UUID, RunControl> running = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> deadlines = new ConcurrentHashMap<>();
    private final SegmentationJobRepository jobs;
    private final JdbcTemplate jdbc;
    private final JobLimits limits;
    private final Clock clock;

    RunningJobs(SegmentationJobRepository jobs, JdbcTemplate jdbc, JobLimits limits, Clock clock) {
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.limits = limits;
        this.clock = clock;
    }

    RunControl start(UUID jobId) {
        RunControl control = new RunControl();
        deadlines.put(jobId, Instant.now(clock).plus(limits.maxRunTime()));
        running.put(jobId, control);
        return control;
    }

    void finish(UUID jobId) {
        running.remove(jobId);
        deadlines.remove(jobId);
    }

    @Scheduled(fixedDelayString = "${segmentation.jobs.progress-interval:1s}")
    void reportProgressAndStopCancelled() {
        Map<UUID, RunControl> snapshot = Map.copyOf(running);
        if (snapshot.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO job_progress (job_id, phase, percent, k) SELECT ?, ?, ?, ? WHERE EXISTS "
                + "(SELECT 1 FROM segmentation_job WHERE id = ? AND status = 'RUNNING') ON CONFLICT (job_id) DO UPDATE "
                + "SET phase = excluded.phase, percent = excluded.percent, k = excluded.k",
                snapshot.entrySet().stream().map(job -> {
                    RunControl.PhaseProgress progress = job.getValue().progress();
                    return new Object[] {job.getKey(), progress.phase().name(), progress.percent(), progress.k(), job.getKey()};
                }).toList());
        Set<UUID> stillRunning = Set.copyOf(jobs.findRunningAmong(snapshot.keySet()));
        Instant now = Instant.now(clock);
        snapshot.forEach((id, control) -> {
            if (!stillRunning.contains(id)) {
                control.cancel();
            } else if (now.isAfter(deadlines.getOrDefault(id, Instant.MAX))) {
                control.timeOut();
            }
        });
    }
}
