package org.customersegmentation.segmentation;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.customersegmentation.engine.Cancellation;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The jobs this instance is computing, each with the handle that stops it. Once a second it asks the database
 * which of them are no longer RUNNING (cancelled on whichever instance the cancel arrived, or deleted with their
 * dataset) and stops those: their outcome could not be stored anyway.
 */
@Component
class RunningJobs {

    private final Map<UUID, Cancellation> running = new ConcurrentHashMap<>();
    private final SegmentationJobRepository jobs;

    RunningJobs(SegmentationJobRepository jobs) {
        this.jobs = jobs;
    }

    Cancellation start(UUID jobId) {
        Cancellation cancellation = Cancellation.none();
        running.put(jobId, cancellation);
        return cancellation;
    }

    void finish(UUID jobId) {
        running.remove(jobId);
    }

    @Scheduled(fixedDelayString = "${segmentation.jobs.cancel-check-interval:1s}")
    void stopCancelled() {
        Set<UUID> ids = Set.copyOf(running.keySet());
        if (ids.isEmpty()) {
            return;
        }
        Set<UUID> stillRunning = Set.copyOf(jobs.findRunningAmong(ids));
        ids.stream().filter(id -> !stillRunning.contains(id)).forEach(id -> {
            Cancellation cancellation = running.get(id);
            if (cancellation != null) {
                cancellation.cancel();
            }
        });
    }
}
