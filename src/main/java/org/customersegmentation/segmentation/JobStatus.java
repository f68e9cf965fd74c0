package org.customersegmentation.segmentation;

import java.util.Set;

/** A job's lifecycle; each status knows which statuses may follow it. */
public enum JobStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    boolean canBecome(JobStatus next) {
        return switch (this) {
            case QUEUED -> Set.of(RUNNING, CANCELLED).contains(next);
            // back to QUEUED when a worker gives a job up (shutdown, lost claim) so another can take it
            case RUNNING -> Set.of(SUCCEEDED, FAILED, CANCELLED, QUEUED).contains(next);
            case SUCCEEDED, FAILED, CANCELLED -> false;
        };
    }

    boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
